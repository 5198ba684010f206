package io.bulwark.pbx.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The PKCS #12 file whose key and chain HTTPS and SIP over TLS present ({@code
 * BULWARK_TLS_KEYSTORE}, made self-signed by the launcher at the first start). It is replaced
 * whole, by a rename, so that a reader never sees half a file.
 */
final class KeyStoreFile {

  /** The entry's name, as the launcher's keytool made it. */
  static final String ALIAS = "bulwark";

  private final Path file;
  private final char[] password;

  KeyStoreFile(Path file, String password) {
    this.file = file;
    this.password = password.toCharArray();
  }

  /** The certificate presented now, the server's own. */
  X509Certificate certificate() throws IOException {
    KeyStore store = read(Files.readAllBytes(file));
    try {
      Enumeration<String> aliases = store.aliases();
      while (aliases.hasMoreElements()) {
        String alias = aliases.nextElement();
        if (store.isKeyEntry(alias)) {
          return (X509Certificate) store.getCertificate(alias);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " cannot be read: " + e.getMessage(), e);
    }
    throw new IOException(file + " holds no key");
  }

  /** The certificate chain presented now and its private key. */
  ServerCertificate read() throws IOException {
    KeyStore store = read(Files.readAllBytes(file));
    try {
      Enumeration<String> aliases = store.aliases();
      while (aliases.hasMoreElements()) {
        String alias = aliases.nextElement();
        if (store.isKeyEntry(alias)) {
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return new ServerCertificate(chain, (PrivateKey) store.getKey(alias, password));
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " cannot be read: " + e.getMessage(), e);
    }
    throw new IOException(file + " holds no key");
  }

  /** The file's bytes, to put back with {@link #restore}. */
  byte[] bytes() throws IOException {
    return Files.readAllBytes(file);
  }

  /** Replaces the file with one holding {@code installed} alone. */
  void write(ServerCertificate installed) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          ALIAS, installed.key(), password, installed.chain().toArray(Certificate[]::new));
      replace(
          out -> {
            try {
              store.store(out, password);
            } catch (GeneralSecurityException e) {
              throw new IOException(e);
            }
          });
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot make a key store: " + e.getMessage(), e);
    }
  }

  /** Puts back the bytes {@link #bytes} read. */
  void restore(byte[] previous) throws IOException {
    replace(out -> out.write(previous));
  }

  private interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  private void replace(Writer writer) throws IOException {
    Path temporary =
        Files.createTempFile(
            file.toAbsolutePath().getParent(),
            ".https",
            ".p12",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        writer.writeTo(out);
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private KeyStore read(byte[] bytes) throws IOException {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
