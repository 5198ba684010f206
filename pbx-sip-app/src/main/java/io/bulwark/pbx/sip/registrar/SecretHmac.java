package io.bulwark.pbx.sip.registrar;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a random key that lives only in this process, with one {@link Mac} per thread:
 * a Mac is not thread-safe, and looking one up for every request would cost more than the MAC.
 */
final class SecretHmac {

  private final ThreadLocal<Mac> macs;

  SecretHmac() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
    this.macs =
        ThreadLocal.withInitial(
            () -> {
              try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
              }
            });
  }

  /** This thread's Mac, reset and ready for a new message. */
  Mac mac() {
    return macs.get();
  }
}
