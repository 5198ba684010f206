package io.bulwark.sip;

import java.nio.file.Path;
import java.util.Set;

/**
 * Where and how the container listens.
 *
 * @param host address to bind ({@code 0.0.0.0} for all)
 * @param port SIP port of UDP and TCP
 * @param transports any of {@code udp}, {@code tcp}, {@code tls}
 * @param stackName name of the stack, also the prefix of its thread names
 * @param tls where SIP over TLS listens and with which certificate; {@code null} without {@code
 *     tls}
 */
public record SipContainerConfig(
    String host, int port, Set<String> transports, String stackName, Tls tls) {

  /**
   * SIP over TLS (RFC 3261 section 26.3.1): its port, 5061 by convention, and the PKCS #12 key
   * store holding the server's key and certificate chain.
   */
  public record Tls(int port, Path keyStore, String password) {

    public Tls {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("SIP TLS port must be 1..65535, not " + port);
      }
    }

    @Override
    public String toString() {
      return "Tls[" + port + ", " + keyStore + "]";
    }
  }

  /** UDP and TCP only. */
  public SipContainerConfig(String host, int port, Set<String> transports, String stackName) {
    this(host, port, transports, stackName, null);
  }

  public SipContainerConfig {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SIP port must be 1..65535, not " + port);
    }
    transports = Set.copyOf(transports);
    for (String t : transports) {
      if (!t.equals("udp") && !t.equals("tcp") && !t.equals("tls")) {
        throw new IllegalArgumentException("Unsupported SIP transport " + t);
      }
    }
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("At least one SIP transport is needed");
    }
    if (transports.contains("tls") != (tls != null)) {
      throw new IllegalArgumentException("SIP over TLS needs its port and key store, and only it");
    }
  }

  /** The port {@code transport} listens on. */
  public int portOf(String transport) {
    return transport.equals("tls") ? tls.port() : port;
  }
}
