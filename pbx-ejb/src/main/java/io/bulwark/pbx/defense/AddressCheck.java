package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.InvalidInputException;
import java.net.InetAddress;
import java.util.List;

/**
 * The "check an address" tool: what the firewall would do now with a packet from an address to each
 * of Bulwark's services, and why. Nothing is counted.
 */
public record AddressCheck(String service, Protocol protocol, int port, Firewall.Verdict verdict) {

  /**
   * @throws InvalidInputException when {@code address} is not one IP address
   */
  public static List<AddressCheck> of(DefenseTable defenses, String address) {
    InetAddress source;
    try {
      CidrBlock block = CidrBlock.parse(address);
      if (!block.isSingleAddress()) {
        throw new IllegalArgumentException("One address, not a network");
      }
      source = block.network();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("address", e.getMessage());
    }
    Firewall firewall = defenses.firewall();
    ServicePorts ports = defenses.ports();
    return List.of(
        check(firewall, source, "SIP over UDP", Protocol.UDP, ports.sip()),
        check(firewall, source, "SIP over TCP", Protocol.TCP, ports.sip()),
        check(firewall, source, "HTTPS", Protocol.TCP, ports.https()),
        check(firewall, source, "HTTP", Protocol.TCP, ports.http()));
  }

  private static AddressCheck check(
      Firewall firewall, InetAddress source, String service, Protocol protocol, int port) {
    return new AddressCheck(service, protocol, port, firewall.explain(source, protocol, port));
  }
}
