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

/**
 * Issues and checks digest nonces without keeping state: a nonce is {@code issuedAt || id ||
 * HMAC-SHA256(issuedAt || id)}, base64url, where {@code id} is 64 random bits. Only this process's
 * key can make one, and its age is read from the nonce itself.
 *
 * <p>Called on every SIP thread at line rate, so each thread keeps its own {@link Mac} and random
 * generator: no instance lookup and no lock shared by all requests.
 */
public final class NonceService {

  /** What a nonce presented by a client turned out to be. */
  public enum Validity {
    VALID,
    STALE,
    FORGED
  }

  /**
   * A checked nonce.
   *
   * @param issuedAt when it was issued (epoch milliseconds); 0 when forged
   * @param id its random part, unique per challenge
   */
  public record Check(Validity validity, long issuedAt, long id) {
    static final Check FORGED = new Check(Validity.FORGED, 0, 0);
  }

  private static final int TIME_BYTES = 8;
  private static final int ID_BYTES = 8;
  private static final int MAC_BYTES = 16;
  private static final int BODY = TIME_BYTES + ID_BYTES;
  private static final int ENCODED_LENGTH = 43;

  private final Clock clock;
  private final Duration lifetime;
  private final SecretHmac hmac;
  private final ThreadLocal<SecureRandom> randoms = ThreadLocal.withInitial(NonceService::drbg);

  public NonceService(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.hmac = new SecretHmac();
  }

  public Duration lifetime() {
    return lifetime;
  }

  public String issue() {
    byte[] raw = new byte[BODY + MAC_BYTES];
    ByteBuffer.wrap(raw).putLong(clock.millis()).putLong(randoms.get().nextLong());
    System.arraycopy(mac(raw), 0, raw, BODY, MAC_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  public Check check(String nonce) {
    if (nonce.length() != ENCODED_LENGTH) {
      return Check.FORGED;
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Check.FORGED;
    }
    byte[] expected = Arrays.copyOf(mac(raw), MAC_BYTES);
    byte[] presented = Arrays.copyOfRange(raw, BODY, raw.length);
    if (!MessageDigest.isEqual(expected, presented)) {
      return Check.FORGED;
    }
    ByteBuffer body = ByteBuffer.wrap(raw);
    long issuedAt = body.getLong();
    long id = body.getLong();
    long age = clock.millis() - issuedAt;
    Validity validity = age < 0 || age > lifetime.toMillis() ? Validity.STALE : Validity.VALID;
    return new Check(validity, issuedAt, id);
  }

  private byte[] mac(byte[] raw) {
    Mac mac = hmac.mac();
    mac.update(raw, 0, BODY);
    return mac.doFinal();
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (GeneralSecurityException e) {
      return new SecureRandom();
    }
  }
}
