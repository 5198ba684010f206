package io.bulwark.keycloak;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The email domains whose users may sign in through Microsoft, as Bulwark writes them into the
 * identity provider's config ({@value #CONFIG}: comma-separated). None written means the tenant's
 * own users are trusted whatever their domain.
 */
record AllowedDomains(Set<String> domains) {

  static final String CONFIG = "bulwarkAllowedDomains";

  static AllowedDomains parse(String config) {
    if (config == null || config.isBlank()) {
      return new AllowedDomains(Set.of());
    }
    return new AllowedDomains(
        Arrays.stream(config.split(","))
            .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
            .filter(domain -> !domain.isEmpty())
            .collect(Collectors.toUnmodifiableSet()));
  }

  /** Whether the address {@code email} is in one of the domains (exactly, not a subdomain). */
  boolean admits(String email) {
    if (domains.isEmpty()) {
      return true;
    }
    if (email == null) {
      return false;
    }
    int at = email.lastIndexOf('@');
    return at > 0 && domains.contains(email.substring(at + 1).strip().toLowerCase(Locale.ROOT));
  }
}
