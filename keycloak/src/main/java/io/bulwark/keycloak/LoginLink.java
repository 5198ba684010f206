package io.bulwark.keycloak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;

/**
 * A one-time login link as the authenticator meets it: the {@code login_hint}
 * "link:&lt;username&gt;:&lt;token&gt;" the portal's OIDC adapter passes on from the link, checked
 * against what Bulwark put on the user (the attribute {@value #ATTRIBUTE}: the token's SHA-256 and
 * its expiry in epoch seconds, separated by ';'). The token itself is kept nowhere.
 */
record LoginLink(String username, String token) {

  static final String ATTRIBUTE = "bulwark.login-link";
  private static final String PREFIX = "link:";

  /** The link in {@code hint}, or null when the hint is none (an ordinary sign-in). */
  static LoginLink fromHint(String hint) {
    if (hint == null || !hint.startsWith(PREFIX)) {
      return null;
    }
    String rest = hint.substring(PREFIX.length());
    int colon = rest.lastIndexOf(':');
    if (colon <= 0 || colon == rest.length() - 1) {
      return new LoginLink("", "");
    }
    return new LoginLink(rest.substring(0, colon), rest.substring(colon + 1));
  }

  /** Whether this link's token is the one {@code stored} describes, and still valid. */
  boolean matches(String stored, Clock clock) {
    if (stored == null || token.isEmpty()) {
      return false;
    }
    int semicolon = stored.indexOf(';');
    if (semicolon < 0) {
      return false;
    }
    Instant expires;
    try {
      expires = Instant.ofEpochSecond(Long.parseLong(stored.substring(semicolon + 1)));
    } catch (NumberFormatException e) {
      return false;
    }
    return clock.instant().isBefore(expires)
        && MessageDigest.isEqual(
            EmailCode.hash(token).getBytes(StandardCharsets.US_ASCII),
            stored.substring(0, semicolon).getBytes(StandardCharsets.US_ASCII));
  }
}
