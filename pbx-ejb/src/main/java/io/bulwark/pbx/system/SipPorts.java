package io.bulwark.pbx.system;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The ports SIP listens on: {@code port} for UDP and TCP, {@code tlsPort} for TLS (0 for none).
 *
 * <p>Moving SIP off 5060 is the guide's advice against scanners, which try the standard ports.
 */
public record SipPorts(int port, int tlsPort) {

  /** The ports the environment gives: {@code BULWARK_SIP_PORT}, {@code BULWARK_SIP_TLS_PORT}. */
  private static SipPorts fromEnvironment(UnaryOperator<String> environment) {
    return new SipPorts(
        EnvironmentPort.of(environment, "BULWARK_SIP_PORT", 5060),
        EnvironmentPort.of(environment, "BULWARK_SIP_TLS_PORT", 5061));
  }

  /**
   * The ports the launcher gives, as SIP reads them: a system property ({@code bulwark.sip.port})
   * over the environment variable.
   */
  public static SipPorts configured() {
    return fromEnvironment(
        name -> {
          String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
          return property != null ? property : System.getenv(name);
        });
  }

  /**
   * Whether another program holds {@code port} on {@code host}: UDP or TCP for SIP, TCP for TLS.
   */
  static boolean taken(String host, int port, boolean udpToo) {
    InetSocketAddress address = new InetSocketAddress(host, port);
    return TcpPort.taken(address) || (udpToo && UdpPort.taken(address));
  }
}
