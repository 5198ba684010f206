package io.bulwark.sip.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jboss.logging.Logger;

/**
 * The server's key and certificate chain from a PKCS #12 file, read again when the file changes: a
 * certificate the administrator installs is presented from the next handshake on, without a
 * restart. A file that cannot be read leaves the last good key in use.
 */
final class KeyStoreFileKeyManager extends X509ExtendedKeyManager {

  private static final Logger LOG = Logger.getLogger(KeyStoreFileKeyManager.class);

  private final Path file;
  private final char[] password;
  private volatile Loaded loaded;

  private record Loaded(X509ExtendedKeyManager keys, FileTime modified, long size) {}

  /**
   * @throws IllegalStateException when the file cannot be used at all
   */
  KeyStoreFileKeyManager(Path file, String password) {
    this.file = file;
    this.password = password.toCharArray();
    try {
      this.loaded = load();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot use the SIP TLS key store " + file, e);
    }
  }

  private Loaded load() throws IOException, GeneralSecurityException {
    FileTime modified = Files.getLastModifiedTime(file);
    long size = Files.size(file);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    for (KeyManager manager : factory.getKeyManagers()) {
      if (manager instanceof X509ExtendedKeyManager keys) {
        return new Loaded(keys, modified, size);
      }
    }
    throw new GeneralSecurityException("No X.509 key manager for " + file);
  }

  /** The keys of the file as it is now; a stat per handshake tells whether it changed. */
  private X509ExtendedKeyManager keys() {
    Loaded current = loaded;
    try {
      if (!Files.getLastModifiedTime(file).equals(current.modified())
          || Files.size(file) != current.size()) {
        synchronized (this) {
          if (loaded == current) {
            loaded = load();
            LOG.infof("SIP over TLS now presents the certificate of %s", file);
          }
          return loaded.keys();
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      LOG.warnf("The SIP TLS key store %s cannot be read again (%s); the last one stays", file, e);
    }
    return current.keys();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return keys().getServerAliases(keyType, issuers);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return keys().chooseServerAlias(keyType, issuers, socket);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return keys().chooseEngineServerAlias(keyType, issuers, engine);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return keys().getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return keys().getPrivateKey(alias);
  }

  /** The server never proves itself as a client with this key. */
  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
