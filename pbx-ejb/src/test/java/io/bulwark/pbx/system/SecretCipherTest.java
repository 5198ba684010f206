package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final String PLAIN = "Secret123-Registration";

  private static SecretKey key(int bytes, int fill) {
    byte[] raw = new byte[bytes];
    Arrays.fill(raw, (byte) fill);
    raw[0] = (byte) bytes;
    return new SecretKeySpec(raw, "AES");
  }

  private final SecretCipher cipher = new SecretCipher(key(32, 0x11));

  @Test
  void roundTripRestoresThePlaintext() {
    String stored = cipher.encrypt(PLAIN);

    assertTrue(stored.startsWith("v1:"), stored);
    assertEquals(PLAIN, cipher.decrypt(stored));
  }

  @Test
  void roundTripKeepsNonAsciiAndEmptyText() {
    assertEquals("Zoë-€-密码", cipher.decrypt(cipher.encrypt("Zoë-€-密码")));
    assertEquals("", cipher.decrypt(cipher.encrypt("")));
  }

  @Test
  void storedFormIsIvCiphertextAndTag() {
    String stored = cipher.encrypt(PLAIN);
    byte[] raw = Base64.getDecoder().decode(stored.substring(3));

    // 12 bytes IV + plaintext length + 16 bytes GCM tag
    assertEquals(12 + PLAIN.getBytes(StandardCharsets.UTF_8).length + 16, raw.length);
  }

  @Test
  void encryptingTheSameTextTwiceGivesDifferentResults() {
    String first = cipher.encrypt(PLAIN);
    String second = cipher.encrypt(PLAIN);

    assertNotEquals(first, second);
    byte[] ivFirst = Arrays.copyOf(Base64.getDecoder().decode(first.substring(3)), 12);
    byte[] ivSecond = Arrays.copyOf(Base64.getDecoder().decode(second.substring(3)), 12);
    assertFalse(Arrays.equals(ivFirst, ivSecond));
    assertEquals(PLAIN, cipher.decrypt(first));
    assertEquals(PLAIN, cipher.decrypt(second));
  }

  @Test
  void ciphertextDoesNotContainThePlaintext() {
    String stored = cipher.encrypt(PLAIN);
    byte[] raw = Base64.getDecoder().decode(stored.substring(3));
    String asLatin1 = new String(raw, StandardCharsets.ISO_8859_1);

    assertFalse(stored.contains(PLAIN));
    assertFalse(stored.contains(Base64.getEncoder().encodeToString(PLAIN.getBytes())));
    assertFalse(asLatin1.contains("Secret123"));
  }

  @Test
  void tamperedCiphertextIsRefused() {
    String stored = cipher.encrypt(PLAIN);
    byte[] raw = Base64.getDecoder().decode(stored.substring(3));
    raw[14] ^= 0x01; // a ciphertext byte after the IV
    String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);

    assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
  }

  @Test
  void tamperedIvOrTagIsRefused() {
    byte[] raw = Base64.getDecoder().decode(cipher.encrypt(PLAIN).substring(3));
    byte[] badIv = raw.clone();
    badIv[0] ^= (byte) 0x80;
    byte[] badTag = raw.clone();
    badTag[badTag.length - 1] ^= 0x01;

    assertThrows(
        IllegalStateException.class,
        () -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(badIv)));
    assertThrows(
        IllegalStateException.class,
        () -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(badTag)));
  }

  @Test
  void wrongKeyIsRefused() {
    String stored = cipher.encrypt(PLAIN);
    SecretCipher other = new SecretCipher(key(32, 0x22));

    assertThrows(IllegalStateException.class, () -> other.decrypt(stored));
  }

  @Test
  void unknownFormatIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(PLAIN));
    assertThrows(
        IllegalArgumentException.class,
        () -> cipher.decrypt("v2:" + cipher.encrypt(PLAIN).substring(3)));
  }

  @Test
  void keysThatAreNot256BitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SecretCipher(key(16, 0x11)));
    assertThrows(IllegalArgumentException.class, () -> new SecretCipher(key(24, 0x11)));
    assertThrows(IllegalArgumentException.class, () -> new SecretCipher(key(31, 0x11)));
    assertThrows(IllegalArgumentException.class, () -> new SecretCipher(key(64, 0x11)));
  }

  @Test
  void nonAesKeyIsRefused() {
    SecretKey hmac = new SecretKeySpec(new byte[32], "HmacSHA256");

    assertThrows(IllegalArgumentException.class, () -> new SecretCipher(hmac));
  }
}
