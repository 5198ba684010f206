package io.bulwark.pbx.onboarding;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
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

  private static final SecureRandom RANDOM = new SecureRandom();

  static LoginLink issue(String number, Instant expires) {
    byte[] token = new byte[32];
    RANDOM.nextBytes(token);
    return new LoginLink(
        number, Base64.getUrlEncoder().withoutPadding().encodeToString(token), expires);
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
    try {
      return HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(token.getBytes(StandardCharsets.UTF_8)))
          + ";"
          + expires.getEpochSecond();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
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
