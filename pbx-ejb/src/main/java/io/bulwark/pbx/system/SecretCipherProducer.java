package io.bulwark.pbx.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * Loads the secret-encryption key from the file named by {@code BULWARK_SECRET_KEY_FILE} (base64 of
 * 32 random bytes; the launcher creates it at first start).
 */
@ApplicationScoped
public class SecretCipherProducer {

  @Produces
  @Singleton
  SecretCipher secretCipher() {
    String file = System.getenv("BULWARK_SECRET_KEY_FILE");
    if (file == null || file.isBlank()) {
      throw new IllegalStateException("BULWARK_SECRET_KEY_FILE is not set");
    }
    try {
      byte[] key = Base64.getDecoder().decode(Files.readString(Path.of(file)).trim());
      return new SecretCipher(new SecretKeySpec(key, "AES"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the secret key file " + file, e);
    }
  }
}
