package io.bulwark.pbx.defense;

import java.net.InetAddress;

/** A static defense rule as the firewall applies it, its service resolved to ports. */
public record FirewallRule(
    String name, CidrBlock source, Protocol protocol, PortRange ports, RuleAction action) {

  public boolean matches(InetAddress address, Protocol packet, int port) {
    return protocol.covers(packet) && ports.contains(port) && source.contains(address);
  }
}
