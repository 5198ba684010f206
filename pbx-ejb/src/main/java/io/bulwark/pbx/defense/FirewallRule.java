package io.bulwark.pbx.defense;

import java.net.InetAddress;
import java.util.List;

/**
 * A static defense rule as the firewall applies it: its service resolved to ports, its source to
 * the networks it stands for (none for a MAC address, which only the kernel sees, or for a domain
 * name without an address).
 */
public record FirewallRule(
    String name,
    RuleSource source,
    List<CidrBlock> networks,
    Protocol protocol,
    PortRange ports,
    RuleAction action) {

  public FirewallRule {
    networks = List.copyOf(networks);
  }

  /** A rule whose source is the address or network {@code network}. */
  public FirewallRule(
      String name, CidrBlock network, Protocol protocol, PortRange ports, RuleAction action) {
    this(name, new RuleSource.Network(network), List.of(network), protocol, ports, action);
  }

  public boolean matches(InetAddress address, Protocol packet, int port) {
    if (!protocol.covers(packet) || !ports.contains(port)) {
      return false;
    }
    for (CidrBlock network : networks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
