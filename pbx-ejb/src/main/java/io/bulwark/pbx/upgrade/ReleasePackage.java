package io.bulwark.pbx.upgrade;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Bulwark release package: a zip of {@code release.properties} (version, SHA-256 of the EAR,
 * notes), {@code release.sig} (the Ed25519 signature of those exact bytes, in Base64) and {@code
 * bulwark.ear}. The manifest is trusted only once its signature verifies, and the EAR only once its
 * hash is the one the manifest names; nothing in the file is used before both hold.
 */
public final class ReleasePackage {

  public static final String MANIFEST = "release.properties";
  public static final String SIGNATURE = "release.sig";
  public static final String EAR = "bulwark.ear";

  private static final int MAX_MANIFEST_BYTES = 16 * 1024;
  private static final long MAX_EAR_BYTES = 512L * 1024 * 1024;

  /** What a verified package holds. */
  public record Manifest(ReleaseVersion version, String earSha256, String notes) {}

  /** Why a package is not installed: shown to the administrator as it is. */
  public static final class RefusedException extends Exception {
    public RefusedException(String reason) {
      super(reason);
    }
  }

  private ReleasePackage() {}

  /**
   * Checks the signature of the manifest only, which is cheap: enough to learn which release a
   * package claims to be before its EAR is read.
   */
  public static Manifest signedManifest(Path file, ReleaseKey key) throws RefusedException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return signedManifest(zip, key);
    } catch (IOException e) {
      throw notAPackage();
    }
  }

  /** Checks the signature and the EAR's hash. */
  public static Manifest verify(Path file, ReleaseKey key) throws RefusedException {
    return verifyAndExtract(file, key, null);
  }

  /**
   * Checks the package and writes its EAR to {@code ear}, hashing what is written, so the file left
   * behind is exactly the one verified; on a refusal it is removed.
   */
  public static Manifest verifyAndExtract(Path file, ReleaseKey key, Path ear)
      throws RefusedException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Manifest manifest = signedManifest(zip, key);
      ZipEntry entry = zip.getEntry(EAR);
      if (entry == null) {
        throw new RefusedException("It holds no " + EAR);
      }
      String hash = copyHashing(zip, entry, ear);
      if (!hash.equalsIgnoreCase(manifest.earSha256())) {
        throw new RefusedException("Its EAR is not the one the signed manifest names");
      }
      return manifest;
    } catch (IOException e) {
      deleteQuietly(ear);
      throw notAPackage();
    } catch (RefusedException e) {
      deleteQuietly(ear);
      throw e;
    }
  }

  private static Manifest signedManifest(ZipFile zip, ReleaseKey key)
      throws IOException, RefusedException {
    byte[] manifestBytes = read(zip, MANIFEST, MAX_MANIFEST_BYTES);
    byte[] signature;
    try {
      signature =
          Base64.getMimeDecoder()
              .decode(new String(read(zip, SIGNATURE, 1024), StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw new RefusedException("Its signature is not Base64");
    }
    if (!key.verifies(manifestBytes, signature)) {
      throw new RefusedException(
          "Its signature does not verify with the trusted release key " + key.fingerprint());
    }
    return manifest(manifestBytes);
  }

  private static RefusedException notAPackage() {
    return new RefusedException("It is not a Bulwark release package (not a readable zip)");
  }

  private static Manifest manifest(byte[] bytes) throws RefusedException, IOException {
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(bytes));
    ReleaseVersion version;
    try {
      version = ReleaseVersion.parse(properties.getProperty("version"));
    } catch (IllegalArgumentException e) {
      throw new RefusedException("Its manifest names no valid version");
    }
    String hash = properties.getProperty("ear.sha256", "");
    if (!hash.matches("[0-9a-fA-F]{64}")) {
      throw new RefusedException("Its manifest names no SHA-256 for the EAR");
    }
    return new Manifest(version, hash, properties.getProperty("notes", ""));
  }

  private static byte[] read(ZipFile zip, String name, int limit)
      throws IOException, RefusedException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new RefusedException("It holds no " + name);
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new RefusedException("Its " + name + " is too large");
      }
      return bytes;
    }
  }

  private static String copyHashing(ZipFile zip, ZipEntry entry, Path target)
      throws IOException, RefusedException {
    MessageDigest digest = sha256();
    try (InputStream in = zip.getInputStream(entry);
        OutputStream out =
            new DigestOutputStream(
                target == null ? OutputStream.nullOutputStream() : Files.newOutputStream(target),
                digest)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > MAX_EAR_BYTES) {
          throw new RefusedException("Its EAR is larger than " + (MAX_EAR_BYTES >> 20) + " MiB");
        }
        out.write(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // left for the next attempt, which overwrites it
      }
    }
  }
}
