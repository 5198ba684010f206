package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.EnvironmentPort;
import io.bulwark.pbx.system.SipPorts;
import io.bulwark.pbx.system.WebPorts;
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
        EnvironmentPort.of(environment, "BULWARK_SIP_PORT", 5060),
        EnvironmentPort.of(environment, "BULWARK_SIP_TLS_PORT", 5061),
        EnvironmentPort.of(environment, "BULWARK_HTTP_PORT", 8080),
        EnvironmentPort.of(environment, "BULWARK_HTTPS_PORT", 8443),
        EnvironmentPort.of(environment, "BULWARK_SSH_PORT", 22));
  }

  /** These ports with SIP's moved to {@code moved}. */
  public ServicePorts withSip(SipPorts moved) {
    return new ServicePorts(moved.port(), moved.tlsPort(), http, https, ssh);
  }

  /** These ports with the portal's moved to {@code moved}. */
  public ServicePorts withWeb(WebPorts moved) {
    return new ServicePorts(sip, sipTls, moved.http(), moved.https(), ssh);
  }

  /** These ports with SSH's moved to {@code moved}. */
  public ServicePorts withSsh(int moved) {
    return new ServicePorts(sip, sipTls, http, https, moved);
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
}
