package io.bulwark.pbx.sip.trunk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The answer to a provider's digest challenge (RFC 2617, RFC 7616 for SHA-256, as RFC 3261 and RFC
 * 8760 use them): what Bulwark puts in the Authorization or Proxy-Authorization header when it
 * registers to a trunk or calls through it.
 *
 * @param qop "auth" when the challenge offered it, else null (the RFC 2069 form)
 * @param cnonce the client nonce, null without qop
 */
public record DigestAnswer(
    String username,
    String realm,
    String nonce,
    String uri,
    String algorithm,
    String qop,
    String cnonce,
    int nonceCount,
    String response) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Answers a challenge for {@code method} to {@code uri}.
   *
   * @param algorithm as the challenge names it: MD5 (or absent), SHA-256
   * @param offeredQop the challenge's qop list, null when it offered none
   * @throws IllegalArgumentException for an algorithm Bulwark does not speak (such as the -sess
   *     forms or auth-int only), which the caller treats as a refusal
   */
  public static DigestAnswer of(
      String method,
      String uri,
      String username,
      String password,
      String realm,
      String nonce,
      String algorithm,
      String offeredQop,
      int nonceCount) {
    String hash = hashName(algorithm);
    boolean qop = offersAuth(offeredQop);
    if (offeredQop != null && !offeredQop.isBlank() && !qop) {
      throw new IllegalArgumentException("Only qop=auth is answered");
    }
    String cnonce = qop ? newCnonce() : null;
    String ha1 = hex(hash, username + ":" + realm + ":" + password);
    String ha2 = hex(hash, method + ":" + uri);
    String response =
        qop
            ? hex(hash, ha1 + ":" + nonce + ":" + nc(nonceCount) + ":" + cnonce + ":auth:" + ha2)
            : hex(hash, ha1 + ":" + nonce + ":" + ha2);
    return new DigestAnswer(
        username,
        realm,
        nonce,
        uri,
        algorithm == null ? "MD5" : algorithm,
        qop ? "auth" : null,
        cnonce,
        nonceCount,
        response);
  }

  /** The nonce count as the header writes it: eight hexadecimal digits. */
  public static String nc(int count) {
    return String.format("%08x", count);
  }

  static String hex(String hash, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance(hash);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(hash + " is part of every Java runtime", e);
    }
  }

  private static String hashName(String algorithm) {
    String name = algorithm == null ? "MD5" : algorithm.trim().toUpperCase(Locale.ROOT);
    return switch (name) {
      case "", "MD5" -> "MD5";
      case "SHA-256" -> "SHA-256";
      default -> throw new IllegalArgumentException("Digest algorithm not answered: " + name);
    };
  }

  private static boolean offersAuth(String offeredQop) {
    if (offeredQop == null) {
      return false;
    }
    for (String option : offeredQop.split(",")) {
      if ("auth".equalsIgnoreCase(option.trim())) {
        return true;
      }
    }
    return false;
  }

  private static String newCnonce() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
