package io.bulwark.sip.tcp;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import io.bulwark.sip.SipContainerConfig;
import io.bulwark.sip.SourceGate;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The RI's network layer, except that TCP server sockets are {@link GuardedServerSocket}s.
 *
 * <p>Why here: the RI's blocking TCP processor takes a thread (two, with its parser) for every
 * connection, has no limit per source, no read timeout by default, and its {@code READ_TIMEOUT}
 * starts only after the first line of a message, so a client dribbling bytes or saying nothing
 * holds its threads forever. Its global {@code MAX_CONNECTIONS} stops accepting from everybody once
 * one source has used it up. The accept of the server socket is the one place that sees every
 * connection before the stack gives it threads. Installed through the stack property {@code
 * gov.nist.javax.sip.NETWORK_LAYER}; its limits come from the stack's properties ({@link
 * TcpLimits#writeTo}).
 */
public final class GuardedNetworkLayer implements NetworkLayer {

  /** The kernel's queue of connections not yet accepted; the RI asks for the JDK default, 50. */
  private static final int BACKLOG = 256;

  private static final String TLS_KEY_STORE = "io.bulwark.sip.TLS_KEY_STORE";
  private static final String TLS_KEY_STORE_PASSWORD = "io.bulwark.sip.TLS_KEY_STORE_PASSWORD";

  private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
  private TcpLimits limits = TcpLimits.DEFAULTS;
  private SSLContext tls;
  private volatile SourceGate gate = SourceGate.OPEN;

  /** Puts the TLS key store where {@link #setSipStack} reads it. */
  public static void writeTls(Properties stackProperties, SipContainerConfig.Tls config) {
    stackProperties.setProperty(TLS_KEY_STORE, config.keyStore().toString());
    stackProperties.setProperty(TLS_KEY_STORE_PASSWORD, config.password());
  }

  @Override
  public void setSipStack(SipStackImpl stack) {
    plain.setSipStack(stack);
    Properties properties = stack.getConfigurationProperties();
    limits = TcpLimits.readFrom(properties);
    String keyStore = properties.getProperty(TLS_KEY_STORE);
    if (keyStore != null) {
      tls = serverContext(Path.of(keyStore), properties.getProperty(TLS_KEY_STORE_PASSWORD, ""));
    }
  }

  /**
   * A TLS context that proves the server with the key and chain of a PKCS #12 key store, read again
   * whenever the file changes.
   */
  private static SSLContext serverContext(Path keyStore, String password) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new KeyStoreFileKeyManager(keyStore, password)}, null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot use the SIP TLS key store " + keyStore, e);
    }
  }

  /** From now on, connections from sources {@code gate} refuses are reset as they are accepted. */
  public void admitOnly(SourceGate gate) {
    this.gate = gate;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    return guarded(port, bindAddress);
  }

  /** The gate is read at each accept: {@link #admitOnly} may come after the socket exists. */
  private GuardedServerSocket guarded(int port, InetAddress bindAddress) throws IOException {
    return new GuardedServerSocket(
        port, BACKLOG, bindAddress, limits, (source, transport) -> gate.admits(source, transport));
  }

  /** A TLS connection is a TCP connection to the gate, asked about before its handshake. */
  @Override
  public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    if (tls == null) {
      throw new IOException("SIP over TLS has no key store");
    }
    return new GuardedTlsServerSocket(guarded(port, bindAddress), tls);
  }

  @Override
  public Socket createSocket(InetAddress address, int port) throws IOException {
    return plain.createSocket(address, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress)
      throws IOException {
    return plain.createSocket(address, port, localAddress);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort)
      throws IOException {
    return plain.createSocket(address, port, myAddress, myPort);
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
    return plain.createSSLSocket(address, port);
  }

  @Override
  public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress)
      throws IOException {
    return plain.createSSLSocket(address, port, localAddress);
  }

  @Override
  public DatagramSocket createDatagramSocket() throws SocketException {
    return plain.createDatagramSocket();
  }

  @Override
  public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
    return plain.createDatagramSocket(port, laddr);
  }
}
