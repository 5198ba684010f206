package io.bulwark.pbx.sip.registrar;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces without keeping state: a nonce is {@code issuedAt || random ||
 * HMAC-SHA256(issuedAt || random)}, base64url. Only this process's key can make one, and its age is
 * read from the nonce itself.
 */
public final class NonceService {

  /** What a nonce presented by a client turned out to be. */
  public enum Validity {
    VALID,
    STALE,
    FORGED
  }

  private static final int TIME_BYTES = 8;
  private static final int RANDOM_BYTES = 8;
  private static final int MAC_BYTES = 16;

  private final Clock clock;
  private final Duration lifetime;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public NonceService(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  public Duration lifetime() {
    return lifetime;
  }

  public String issue() {
    ByteBuffer body = ByteBuffer.allocate(TIME_BYTES + RANDOM_BYTES + MAC_BYTES);
    body.putLong(clock.millis());
    byte[] rnd = new byte[RANDOM_BYTES];
    random.nextBytes(rnd);
    body.put(rnd);
    body.put(mac(body.array(), TIME_BYTES + RANDOM_BYTES));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
  }

  public Validity check(String nonce) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Validity.FORGED;
    }
    if (raw.length != TIME_BYTES + RANDOM_BYTES + MAC_BYTES) {
      return Validity.FORGED;
    }
    byte[] expected = mac(raw, TIME_BYTES + RANDOM_BYTES);
    byte[] presented = Arrays.copyOfRange(raw, TIME_BYTES + RANDOM_BYTES, raw.length);
    if (!MessageDigest.isEqual(expected, presented)) {
      return Validity.FORGED;
    }
    long issuedAt = ByteBuffer.wrap(raw).getLong();
    long age = clock.millis() - issuedAt;
    return age < 0 || age > lifetime.toMillis() ? Validity.STALE : Validity.VALID;
  }

  /** When a nonce stops being valid; only meaningful for nonces {@link #check} accepted. */
  long expiresAtMillis(String nonce) {
    return ByteBuffer.wrap(Base64.getUrlDecoder().decode(nonce)).getLong() + lifetime.toMillis();
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(data, 0, length);
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
