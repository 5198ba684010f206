package io.bulwark.pbx.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A backup file: a magic line, the manifest in clear, then the tables, gzipped and sealed with
 * {@link SealedStream} under the passphrase's key. The plaintext begins with a copy of the
 * manifest, so the clear one can be trusted once the payload opens.
 */
final class BackupArchive {

  static final String MAGIC = "BULWARK-BACKUP 1\n";

  private BackupArchive() {}

  /** Writes the payload {@code body} produces; the manifest given says what it holds. */
  interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} from {@code body}: the payload goes to a part file first, its SHA-256
   * taken on the way, and the finished file appears under its name only when complete.
   */
  static BackupManifest write(
      Path target, BackupManifest manifest, Passphrase passphrase, Body body) throws IOException {
    Path payload = target.resolveSibling(target.getFileName() + ".payload");
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try {
      MessageDigest sha256 = sha256();
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(
                  new GZIPOutputStream(
                      SealedStream.sealing(
                          new DigestOutputStream(
                              new BufferedOutputStream(Files.newOutputStream(payload)), sha256),
                          passphrase.key(manifest.salt(), manifest.iterations()),
                          manifest.nonce()),
                      SealedStream.CHUNK)))) {
        writeString(out, manifest.text());
        body.write(out);
      }
      BackupManifest finished =
          manifest.withPayloadSha256(HexFormat.of().formatHex(sha256.digest()));
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
        out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        byte[] text = finished.text().getBytes(StandardCharsets.UTF_8);
        new DataOutputStream(out).writeInt(text.length);
        out.write(text);
        Files.copy(payload, out);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return finished;
    } finally {
      Files.deleteIfExists(payload);
      Files.deleteIfExists(part);
    }
  }

  /** The manifest at the head of {@code file}. */
  static BackupManifest manifest(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      return readHead(in);
    }
  }

  /**
   * Whether the payload is byte for byte what was written: its SHA-256 against the manifest's.
   * Quick, and needs no passphrase.
   */
  static boolean intact(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      BackupManifest manifest = readHead(in);
      MessageDigest sha256 = sha256();
      try (InputStream payload = new DigestInputStream(in, sha256)) {
        payload.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha256.digest()).equals(manifest.payloadSha256());
    }
  }

  /**
   * The tables, decrypted as they are read; the caller reads the copy of the manifest first ({@link
   * #readString}).
   */
  static DataInputStream open(Path file, Passphrase passphrase) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
    try {
      BackupManifest manifest = readHead(in);
      return new DataInputStream(
          new BufferedInputStream(
              new GZIPInputStream(
                  SealedStream.opening(
                      in, passphrase.key(manifest.salt(), manifest.iterations()), manifest.nonce()),
                  SealedStream.CHUNK)));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static BackupManifest readHead(DataInputStream in) throws IOException {
    byte[] magic = in.readNBytes(MAGIC.length());
    if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
      throw new IOException("it is not a Bulwark backup");
    }
    int length = in.readInt();
    if (length < 1 || length > 1024 * 1024) {
      throw new IOException("its manifest is damaged");
    }
    byte[] text = in.readNBytes(length);
    if (text.length != length) {
      throw new IOException("its manifest is damaged");
    }
    return BackupManifest.parse(new String(text, StandardCharsets.UTF_8));
  }

  static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 1024 * 1024) {
      throw new IOException("damaged");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
