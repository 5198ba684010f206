package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.SipPorts;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The ports Bulwark's services listen on here, read from the environment the launcher sets; {@code
 * sipTls} is 0 without SIP over TLS.
 */
public record ServicePorts(int sip, int sipTls, int http, int https, int ssh) {

  public static ServicePorts from(UnaryOperator<String> environment) {
    return new ServicePorts(
        port(environment, "BULWARK_SIP_PORT", 5060),
        port(environment, "BULWARK_SIP_TLS_PORT", 5061),
        port(environment, "BULWARK_HTTP_PORT", 8080),
        port(environment, "BULWARK_HTTPS_PORT", 8443),
        22);
  }

  /** These ports with SIP's moved to {@code moved}. */
  public ServicePorts withSip(SipPorts moved) {
    return new ServicePorts(moved.port(), moved.tlsPort(), http, https, ssh);
  }

  /** The ports a Bulwark listener serves: SIP over UDP, TCP and TLS, and the web. */
  public Set<Integer> served() {
    Set<Integer> served = new TreeSet<>(List.of(sip, http, https));
    if (sipTls > 0) {
      served.add(sipTls);
    }
    return served;
  }

  /** The ports {@code service} means; {@code ports} is used for {@link Service#PORTS} only. */
  public PortRange of(Service service, PortRange ports) {
    return switch (service) {
      case ALL -> PortRange.ALL;
      case SIP -> PortRange.of(sip);
      case HTTP -> PortRange.of(http);
      case HTTPS -> PortRange.of(https);
      case SSH -> PortRange.of(ssh);
      case PORTS -> ports;
    };
  }

  private static int port(UnaryOperator<String> environment, String name, int fallback) {
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(name + " is not a port number: " + value, e);
    }
  }
}
