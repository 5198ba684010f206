package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;

/** Checks of the fields both kinds of defense rule have. */
final class RuleFields {

  static final int MAX_NAME = 64;

  private RuleFields() {}

  static void name(String name, List<FieldViolation> found) {
    if (name == null || name.isBlank()) {
      found.add(new FieldViolation("name", "A name is required"));
    } else if (name.strip().length() > MAX_NAME) {
      found.add(new FieldViolation("name", "At most " + MAX_NAME + " characters"));
    }
  }

  static void protocol(Protocol protocol, List<FieldViolation> found) {
    if (protocol == null) {
      found.add(new FieldViolation("protocol", "Choose UDP, TCP or Both"));
    }
  }

  /** Ports are given for {@link Service#PORTS} and only for it. */
  static void ports(Service service, String ports, List<FieldViolation> found) {
    if (service == null) {
      found.add(new FieldViolation("service", "Choose a service or a port range"));
    } else if (service == Service.PORTS) {
      try {
        PortRange.parse(ports);
      } catch (IllegalArgumentException e) {
        found.add(new FieldViolation("ports", e.getMessage()));
      }
    } else if (ports != null && !ports.isBlank()) {
      found.add(new FieldViolation("ports", "Ports are given only with the service Port range"));
    }
  }

  static PortRange portRange(Service service, String ports) {
    return service == Service.PORTS ? PortRange.parse(ports) : null;
  }
}
