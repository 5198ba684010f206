package io.bulwark.pbx.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a one-time address: 256 random bits, URL-safe. Only its SHA-256 is ever stored, so
 * whoever reads the store still cannot use an address.
 */
record OneTimeToken(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static OneTimeToken issue() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new OneTimeToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The token's SHA-256, in lower-case hex. */
  String sha256() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "OneTimeToken[...]";
  }
}
