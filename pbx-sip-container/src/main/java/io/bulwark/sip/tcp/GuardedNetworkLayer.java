package io.bulwark.sip.tcp;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import io.bulwark.sip.SourceGate;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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

  private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
  private TcpLimits limits = TcpLimits.DEFAULTS;
  private volatile SourceGate gate = SourceGate.OPEN;

  @Override
  public void setSipStack(SipStackImpl stack) {
    plain.setSipStack(stack);
    limits = TcpLimits.readFrom(stack.getConfigurationProperties());
  }

  /** From now on, connections from sources {@code gate} refuses are reset as they are accepted. */
  public void admitOnly(SourceGate gate) {
    this.gate = gate;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    return new GuardedServerSocket(
        port, BACKLOG, bindAddress, limits, (source, transport) -> gate.admits(source, transport));
  }

  @Override
  public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress)
      throws IOException {
    return plain.createSSLServerSocket(port, backlog, bindAddress);
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
