package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * An auto defense rule as an administrator writes it: more than {@code packets} in {@code seconds}.
 */
public record AutoDefenseRuleDraft(
    String name,
    Protocol protocol,
    Service service,
    String ports,
    Integer packets,
    Integer seconds) {

  static final int MAX_PACKETS = 1_000_000;
  static final int MAX_SECONDS = 3_600;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    RuleFields.name(name, found);
    RuleFields.protocol(protocol, found);
    RuleFields.ports(service, ports, found);
    if (packets == null || packets < 1 || packets > MAX_PACKETS) {
      found.add(new FieldViolation("packets", "From 1 to " + MAX_PACKETS + " packets"));
    }
    if (seconds == null || seconds < 1 || seconds > MAX_SECONDS) {
      found.add(new FieldViolation("seconds", "From 1 to " + MAX_SECONDS + " seconds"));
    }
    return found;
  }

  PortRange portRange() {
    return RuleFields.portRange(service, ports);
  }
}
