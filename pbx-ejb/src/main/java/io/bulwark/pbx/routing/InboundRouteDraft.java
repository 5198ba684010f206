package io.bulwark.pbx.routing;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.TextRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What an administrator typed to create or change an inbound route. Whether the destination
 * extension exists is the service's question.
 *
 * @param didPattern the called number (DID) the route takes, in dial pattern syntax; empty for any
 * @param callerPattern the caller's number the route takes; empty for any
 * @param destination the number of the extension the call rings
 */
public record InboundRouteDraft(
    String name, String didPattern, String callerPattern, String destination) {

  public InboundRouteDraft {
    name = strip(name);
    didPattern = strip(didPattern);
    callerPattern = strip(callerPattern);
    destination = strip(destination);
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Checks every field and reports all problems at once. */
  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    TextRules.name("name", "Route name", name).ifPresent(found::add);
    pattern("didPattern", didPattern, found);
    pattern("callerPattern", callerPattern, found);
    if (destination == null) {
      found.add(new FieldViolation("destination", "Destination extension is required"));
    } else if (!TextRules.isExtensionNumber(destination)) {
      found.add(new FieldViolation("destination", "Destination extension must be 1 to 16 digits"));
    }
    return found;
  }

  private static void pattern(String field, String value, List<FieldViolation> found) {
    if (value != null) {
      try {
        DialPattern.parse(value);
      } catch (IllegalArgumentException e) {
        found.add(new FieldViolation(field, e.getMessage()));
      }
    }
  }
}
