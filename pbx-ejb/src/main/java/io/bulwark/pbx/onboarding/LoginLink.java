package io.bulwark.pbx.onboarding;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A one-time login link for the user of extension {@code number}: the user portal's address with
 * the login hint "link:&lt;number&gt;:&lt;token&gt;", which the portal passes on to Keycloak and
 * Bulwark's authenticator there spends. Keycloak keeps only {@link #stored()}, the token's SHA-256
 * and the expiry, so the link itself exists only in what the administrator was shown or sent.
 */
public record LoginLink(String number, String token, Instant expires) {

  /** The user attribute the link is kept in, as Bulwark's Keycloak authenticator reads it. */
  public static final String ATTRIBUTE = "bulwark.login-link";

  static LoginLink issue(String number, Instant expires) {
    return new LoginLink(number, OneTimeToken.issue().value(), expires);
  }

  /** The address to open, under {@code base} (the portal's public URL). */
  public String url(String base) {
    return base
        + "/my-extension.xhtml?login_hint="
        + URLEncoder.encode("link:" + number + ":" + token, StandardCharsets.UTF_8);
  }

  /**
   * What the user attribute holds: the token's SHA-256 in hex, ';', the expiry in epoch seconds.
   */
  String stored() {
    return new OneTimeToken(token).sha256() + ";" + expires.getEpochSecond();
  }

  /** When the link kept as {@code stored} expires; empty for none or one Bulwark cannot read. */
  static Optional<Instant> expiryOf(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    int semicolon = stored.indexOf(';');
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(stored.substring(semicolon + 1))));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }
}
