package io.bulwark.it;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HmacSHA1, 6 digits, 30 s), as the realm's policy sets.
 */
public final class Totp {

  private Totp() {}

  public static String code(String base32Secret, long epochSeconds) {
    return code(base32(base32Secret), epochSeconds);
  }

  /**
   * The code of the secret as Keycloak's enrolment form carries it in its hidden field (the key
   * itself, of which the text shown to people is the base32).
   */
  public static String codeOfRawSecret(String secret, long epochSeconds) {
    return code(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), epochSeconds);
  }

  private static String code(byte[] key, long epochSeconds) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
      int offset = hash[hash.length - 1] & 0xf;
      int binary = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
      return String.format(Locale.ROOT, "%06d", binary);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    String clean = text.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = alphabet.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("Not base32: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
