package io.bulwark.pbx.backup;

import io.bulwark.pbx.system.FieldViolation;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passphrase a backup is encrypted with; only the key derived from it (PBKDF2-HMAC-SHA256, a
 * random salt per backup) is used, and neither is ever stored.
 */
public record Passphrase(String value) {

  static final int MIN_LENGTH = 12;
  static final int ITERATIONS = 600_000;

  /** Why {@code value} cannot encrypt a new backup, if it cannot. */
  public static Optional<FieldViolation> violation(String value) {
    if (value == null || value.length() < MIN_LENGTH) {
      return Optional.of(
          new FieldViolation(
              "passphrase",
              "A passphrase of at least "
                  + MIN_LENGTH
                  + " characters: without it no one can restore the backup, keep it apart"));
    }
    if (value.length() > 1024) {
      return Optional.of(new FieldViolation("passphrase", "At most 1024 characters"));
    }
    return Optional.empty();
  }

  SecretKey key(byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(value.toCharArray(), salt, iterations, 256);
    try {
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return new SecretKeySpec(key, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return "Passphrase[...]";
  }
}
