package io.bulwark.sip.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server socket whose connections are accepted by a {@link GuardedServerSocket}: a refused
 * source is reset before its handshake costs anything, the limits per source and the read deadlines
 * hold as for TCP, and TLS is layered on what is admitted. The settings the stack makes on the
 * server socket are applied to each accepted connection.
 */
final class GuardedTlsServerSocket extends SSLServerSocket {

  private final GuardedServerSocket tcp;
  private final SSLContext context;
  private volatile String[] protocols;
  private volatile String[] cipherSuites;
  private volatile boolean needClientAuth;
  private volatile boolean wantClientAuth;
  private volatile boolean sessionCreation = true;

  GuardedTlsServerSocket(GuardedServerSocket tcp, SSLContext context) throws IOException {
    this.tcp = tcp;
    this.context = context;
    SSLParameters defaults = context.getDefaultSSLParameters();
    this.protocols = defaults.getProtocols();
    this.cipherSuites = defaults.getCipherSuites();
  }

  @Override
  public Socket accept() throws IOException {
    Socket admitted = tcp.accept();
    try {
      SSLSocket tls =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(
                      admitted,
                      admitted.getInetAddress().getHostAddress(),
                      admitted.getPort(),
                      true);
      tls.setUseClientMode(false);
      tls.setEnabledProtocols(protocols);
      tls.setEnabledCipherSuites(cipherSuites);
      if (needClientAuth) {
        tls.setNeedClientAuth(true);
      } else {
        tls.setWantClientAuth(wantClientAuth);
      }
      tls.setEnableSessionCreation(sessionCreation);
      return tls;
    } catch (IOException | RuntimeException e) {
      admitted.close();
      throw e;
    }
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return cipherSuites.clone();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    cipherSuites = suites.clone();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return context.getSupportedSSLParameters().getCipherSuites();
  }

  @Override
  public String[] getSupportedProtocols() {
    return context.getSupportedSSLParameters().getProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return protocols.clone();
  }

  @Override
  public void setEnabledProtocols(String[] enabled) {
    protocols = enabled.clone();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    needClientAuth = need;
    wantClientAuth = false;
  }

  @Override
  public boolean getNeedClientAuth() {
    return needClientAuth;
  }

  @Override
  public void setWantClientAuth(boolean want) {
    wantClientAuth = want;
    needClientAuth = false;
  }

  @Override
  public boolean getWantClientAuth() {
    return wantClientAuth;
  }

  /** A server socket only ever serves. */
  @Override
  public void setUseClientMode(boolean mode) {
    if (mode) {
      throw new IllegalArgumentException("A server socket cannot be in client mode");
    }
  }

  @Override
  public boolean getUseClientMode() {
    return false;
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    sessionCreation = flag;
  }

  @Override
  public boolean getEnableSessionCreation() {
    return sessionCreation;
  }

  @Override
  public void bind(SocketAddress endpoint, int backlog) throws IOException {
    tcp.bind(endpoint, backlog);
  }

  @Override
  public InetAddress getInetAddress() {
    return tcp.getInetAddress();
  }

  @Override
  public int getLocalPort() {
    return tcp.getLocalPort();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return tcp.getLocalSocketAddress();
  }

  @Override
  public boolean isBound() {
    return tcp.isBound();
  }

  @Override
  public boolean isClosed() {
    return tcp.isClosed();
  }

  @Override
  public void close() throws IOException {
    tcp.close();
  }

  @Override
  public synchronized void setSoTimeout(int timeout) throws SocketException {
    tcp.setSoTimeout(timeout);
  }

  @Override
  public synchronized int getSoTimeout() throws IOException {
    return tcp.getSoTimeout();
  }

  @Override
  public String toString() {
    return "TLS " + tcp;
  }
}
