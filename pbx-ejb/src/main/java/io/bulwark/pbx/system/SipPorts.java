package io.bulwark.pbx.system;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
    try (ServerSocket tcp = new ServerSocket()) {
      tcp.setReuseAddress(true);
      tcp.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      return true;
    }
    if (udpToo) {
      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(host, port))) {
        return false;
      } catch (IOException e) {
        return true;
      }
    }
    return false;
  }
}
