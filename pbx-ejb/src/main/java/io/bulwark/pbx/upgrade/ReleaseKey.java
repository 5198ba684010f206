package io.bulwark.pbx.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The public half of the Ed25519 key that release packages are signed with, read from the PEM file
 * {@code BULWARK_RELEASE_KEY} names. It is the operator's to set, never the portal's: whoever could
 * change it could install any code.
 */
public final class ReleaseKey {

  private final PublicKey key;

  private ReleaseKey(PublicKey key) {
    this.key = key;
  }

  /** Where no key is configured, no package can be trusted, so none is installed. */
  public static Optional<ReleaseKey> fromEnvironment() {
    String file = System.getenv("BULWARK_RELEASE_KEY");
    if (file == null || file.isBlank() || !Files.isReadable(Path.of(file.strip()))) {
      return Optional.empty();
    }
    try {
      return Optional.of(fromPem(Files.readString(Path.of(file.strip()))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * @param pem a "PUBLIC KEY" block, as {@code openssl pkey -pubout} writes it
   * @throws IllegalArgumentException for anything else than an Ed25519 public key
   */
  public static ReleaseKey fromPem(String pem) {
    String body =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return new ReleaseKey(
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key in PEM form");
    }
  }

  public static ReleaseKey of(PublicKey key) {
    return new ReleaseKey(key);
  }

  public boolean verifies(byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * The first 16 hex digits of the key's SHA-256, for an operator to compare with the publisher's.
   */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
