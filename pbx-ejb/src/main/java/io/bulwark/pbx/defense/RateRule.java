package io.bulwark.pbx.defense;

/** An auto defense rule as the firewall applies it, its service resolved to ports. */
public record RateRule(String name, Protocol protocol, PortRange ports, RateLimit limit) {

  public boolean watches(Protocol packet, int port) {
    return protocol.covers(packet) && ports.contains(port);
  }

  /** How the rule reads in a block's reason: {@code udp (UDP 5060, 40/2 s)}. */
  public String describe() {
    return name + " (" + protocol.getLabel() + " " + ports + ", " + limit + ")";
  }
}
