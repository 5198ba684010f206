package io.bulwark.pbx.system;

import java.util.ArrayList;
import java.util.List;

/** The ports Bulwark's services use here, as one service sees the others when it moves. */
final class PortUses {

  private PortUses() {}

  /** What SIP may not take: the portal's ports, the RTP range, SSH's and the launcher's ports. */
  static List<PortUse> besideSip(WebPorts web, RtpPorts rtp) {
    List<PortUse> uses = new ArrayList<>(portal(web));
    uses.add(relay(rtp));
    uses.add(ssh());
    uses.addAll(fixed());
    return uses;
  }

  /** What the portal may not take: SIP's ports, the RTP range, SSH's and the launcher's ports. */
  static List<PortUse> besideWeb(SipPorts sip, RtpPorts rtp) {
    List<PortUse> uses = new ArrayList<>(sip(sip));
    uses.add(relay(rtp));
    uses.add(ssh());
    uses.addAll(fixed());
    return uses;
  }

  /** What the RTP range may not hold: SIP's ports, the portal's, SSH's and the launcher's. */
  static List<PortUse> besideRtp(SipPorts sip, WebPorts web) {
    List<PortUse> uses = new ArrayList<>(sip(sip));
    uses.addAll(portal(web));
    uses.add(ssh());
    uses.addAll(fixed());
    return uses;
  }

  /** What SSH may not take: SIP's ports, the portal's, the RTP range and the launcher's. */
  static List<PortUse> besideSsh(SipPorts sip, WebPorts web, RtpPorts rtp) {
    List<PortUse> uses = new ArrayList<>(sip(sip));
    uses.addAll(portal(web));
    uses.add(relay(rtp));
    uses.addAll(fixed());
    return uses;
  }

  private static List<PortUse> portal(WebPorts web) {
    return List.of(
        new PortUse("the portal (HTTPS)", web.https(), web.https()),
        new PortUse("the portal (HTTP)", web.http(), web.http()));
  }

  private static List<PortUse> sip(SipPorts sip) {
    List<PortUse> uses = new ArrayList<>();
    uses.add(new PortUse("SIP (UDP and TCP)", sip.port(), sip.port()));
    if (sip.tlsPort() > 0) {
      uses.add(new PortUse("SIP (TLS)", sip.tlsPort(), sip.tlsPort()));
    }
    return uses;
  }

  private static PortUse relay(RtpPorts rtp) {
    return new PortUse("the media relay (RTP)", rtp.min(), rtp.max());
  }

  private static PortUse ssh() {
    int port = SshPort.inForce();
    return new PortUse("SSH", port, port);
  }

  /** The ports set when Bulwark starts. */
  private static List<PortUse> fixed() {
    return List.of(
        use("WildFly management", "BULWARK_MANAGEMENT_PORT", 9990),
        use("Keycloak", "BULWARK_KEYCLOAK_PORT", 8180),
        use("Keycloak management", "BULWARK_KEYCLOAK_MANAGEMENT_PORT", 9180),
        use("the login events", "BULWARK_LOGIN_EVENT_PORT", 8182),
        use("the media relay's control", "BULWARK_RTPENGINE_NG_PORT", 2223),
        use("the media relay's key reports", "BULWARK_RTPENGINE_DTMF_PORT", 2224),
        use("the database", "BULWARK_DB_PORT", 3306));
  }

  private static PortUse use(String service, String variable, int fallback) {
    int port = EnvironmentPort.of(variable, fallback);
    return new PortUse(service, port, port);
  }
}
