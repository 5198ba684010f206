package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * A static defense rule as an administrator writes it. {@code ports} is read with the service
 * {@link Service#PORTS} only; {@code position} null keeps a rule's place, or puts a new one last.
 */
public record StaticRuleDraft(
    String name,
    String source,
    Protocol protocol,
    Service service,
    String ports,
    RuleAction action,
    Integer position) {

  static final int MAX_POSITION = 1_000_000;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    RuleFields.name(name, found);
    try {
      RuleSource.parse(source);
    } catch (IllegalArgumentException e) {
      found.add(new FieldViolation("source", e.getMessage()));
    }
    RuleFields.protocol(protocol, found);
    RuleFields.ports(service, ports, found);
    if (action == null) {
      found.add(new FieldViolation("action", "Choose Accept, Drop or Reject"));
    }
    if (position != null && (position < 0 || position > MAX_POSITION)) {
      found.add(new FieldViolation("position", "From 0 to " + MAX_POSITION));
    }
    return found;
  }

  PortRange portRange() {
    return RuleFields.portRange(service, ports);
  }
}
