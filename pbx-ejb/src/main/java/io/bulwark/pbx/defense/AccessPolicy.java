package io.bulwark.pbx.defense;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may reach Bulwark at all, beyond the rules: in allowlist mode only the sources an Accept rule
 * lists (and trunk providers), and with the country filter on only addresses registered in an
 * allowed country. Addresses of private, shared, loopback and link-local ranges have no country and
 * are never refused for it; a public address whose country is unknown is refused, as the filter
 * admits only what it knows.
 *
 * @param countryFilter whether the country filter is on
 * @param allowedCountries ISO 3166 alpha-2 codes, upper case
 * @param allowlistOnly whether only sources an Accept rule lists may reach Bulwark
 */
public record AccessPolicy(
    boolean countryFilter, Set<String> allowedCountries, boolean allowlistOnly) {

  /** Everyone, everywhere: a fresh install's. */
  public static final AccessPolicy OPEN = new AccessPolicy(false, Set.of(), false);

  public AccessPolicy {
    allowedCountries = Set.copyOf(allowedCountries);
  }

  /**
   * Why a source that no static rule matched and that is no trunk provider is refused, or empty.
   *
   * @param countries the country of an address, where known
   */
  public Optional<String> refusal(
      InetAddress source, Function<InetAddress, Optional<String>> countries) {
    if (allowlistOnly) {
      return Optional.of("Allowlist mode: no Accept rule lists it");
    }
    if (countryFilter && !hasNoCountry(source)) {
      Optional<String> country = countries.apply(source);
      if (country.isEmpty()) {
        return Optional.of("Allowed country IPs: its country is unknown");
      }
      if (!allowedCountries.contains(country.get())) {
        return Optional.of("Allowed country IPs: " + country.get() + " is not an allowed country");
      }
    }
    return Optional.empty();
  }

  /** Private (RFC 1918, RFC 4193), shared (RFC 6598), loopback and link-local addresses. */
  static boolean hasNoCountry(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isAnyLocalAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc;
    }
    return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
  }
}
