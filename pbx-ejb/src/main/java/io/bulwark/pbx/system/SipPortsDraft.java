package io.bulwark.pbx.system;

import java.util.ArrayList;
import java.util.List;

/**
 * SIP ports as an administrator asks for them.
 *
 * @param tlsPort 0 for no SIP over TLS
 */
public record SipPortsDraft(Integer port, Integer tlsPort) {

  /** Something that tells whether another program holds a port. */
  @FunctionalInterface
  public interface PortProbe {
    boolean taken(int port, boolean udpToo);
  }

  /**
   * What is wrong with the draft.
   *
   * @param now the ports SIP listens on, which it may keep
   * @param others the ports the other services use here, by their names
   */
  public List<FieldViolation> violations(SipPorts now, List<PortUse> others, PortProbe probe) {
    List<FieldViolation> found = new ArrayList<>();
    if (port == null || port < 1 || port > 65_535) {
      found.add(new FieldViolation("sipPort", "A port from 1 to 65535"));
    } else {
      conflict("sipPort", port, others, now, probe, true).ifPresent(found::add);
    }
    if (tlsPort == null || tlsPort < 0 || tlsPort > 65_535) {
      found.add(
          new FieldViolation("sipTlsPort", "A port from 1 to 65535, or 0 for no SIP over TLS"));
    } else if (tlsPort > 0) {
      if (tlsPort.equals(port)) {
        found.add(new FieldViolation("sipTlsPort", "TLS needs a port of its own"));
      } else {
        conflict("sipTlsPort", tlsPort, others, now, probe, false).ifPresent(found::add);
      }
    }
    return found;
  }

  public SipPorts ports() {
    return new SipPorts(port, tlsPort);
  }

  private static java.util.Optional<FieldViolation> conflict(
      String field,
      int wanted,
      List<PortUse> others,
      SipPorts now,
      PortProbe probe,
      boolean udpToo) {
    for (PortUse use : others) {
      if (use.covers(wanted)) {
        return java.util.Optional.of(new FieldViolation(field, use.refusal(wanted)));
      }
    }
    boolean ours = wanted == now.port() || wanted == now.tlsPort();
    if (!ours && probe.taken(wanted, udpToo)) {
      return java.util.Optional.of(
          new FieldViolation(field, "Port " + wanted + " is in use by another program"));
    }
    return java.util.Optional.empty();
  }
}
