package io.bulwark.pbx.routing;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.TextRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What an administrator typed to create or change an outbound route. Whether the trunks and member
 * extensions exist is the service's question; this checks the form of everything.
 *
 * @param trunkIds the trunks to try, in order: the next one when one fails
 * @param members the numbers of the extensions allowed to use the route
 * @param callerIdNumber presented on calls through the route instead of the trunk's; optional
 * @param timeCondition a {@link TimeCondition}'s name; {@code ANY_TIME} when null
 * @param groupIds the extension groups whose members may use the route too
 * @param pin the route's password; none when null
 */
public record OutboundRouteDraft(
    String name,
    List<DialPatternDraft> dialPatterns,
    List<Long> trunkIds,
    List<String> members,
    String callerIdNumber,
    String timeCondition,
    List<Long> groupIds,
    RoutePinDraft pin) {

  static final int MAX_PATTERNS = 100;

  public OutboundRouteDraft {
    name = name == null ? null : name.strip();
    dialPatterns = dialPatterns == null ? List.of() : List.copyOf(nonNull(dialPatterns));
    trunkIds = trunkIds == null ? List.of() : List.copyOf(nonNull(trunkIds));
    members =
        members == null
            ? List.of()
            : nonNull(members).stream().map(String::strip).distinct().toList();
    callerIdNumber =
        callerIdNumber == null || callerIdNumber.isBlank() ? null : callerIdNumber.strip();
    groupIds = groupIds == null ? List.of() : nonNull(groupIds).stream().distinct().toList();
    pin = pin == null ? RoutePinDraft.NONE : pin;
  }

  /** A route usable at any time by the extensions it lists. */
  public OutboundRouteDraft(
      String name,
      List<DialPatternDraft> dialPatterns,
      List<Long> trunkIds,
      List<String> members,
      String callerIdNumber) {
    this(name, dialPatterns, trunkIds, members, callerIdNumber, null, null, null);
  }

  private static <T> List<T> nonNull(List<T> values) {
    return values.stream().filter(v -> v != null).toList();
  }

  /** Checks every field and reports all problems at once. */
  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    TextRules.name("name", "Route name", name).ifPresent(found::add);
    if (dialPatterns.isEmpty()) {
      found.add(new FieldViolation("dialPatterns", "At least one dial pattern is required"));
    } else if (dialPatterns.size() > MAX_PATTERNS) {
      found.add(new FieldViolation("dialPatterns", "At most " + MAX_PATTERNS + " dial patterns"));
    }
    for (int i = 0; i < dialPatterns.size() && i < MAX_PATTERNS; i++) {
      dialPatterns.get(i).violation("dialPatterns[" + i + "]").ifPresent(found::add);
    }
    if (trunkIds.isEmpty()) {
      found.add(new FieldViolation("trunkIds", "At least one trunk is required"));
    } else if (new HashSet<>(trunkIds).size() != trunkIds.size()) {
      found.add(new FieldViolation("trunkIds", "A trunk may appear only once"));
    }
    members.stream()
        .filter(m -> !TextRules.isExtensionNumber(m))
        .findFirst()
        .ifPresent(
            m ->
                found.add(
                    new FieldViolation(
                        "members", "Member extensions are numbers of 1 to 16 digits")));
    TextRules.callerIdNumber("callerIdNumber", callerIdNumber).ifPresent(found::add);
    if (timeCondition != null && TimeCondition.of(timeCondition).isEmpty()) {
      found.add(
          new FieldViolation(
              "timeCondition", "ANY_TIME, BUSINESS_HOURS or OUTSIDE_BUSINESS_HOURS"));
    }
    pin.violations(found);
    return found;
  }

  /** The password's mode; only for a draft without violations. */
  PinMode pinMode() {
    return pin.pinMode().orElseThrow();
  }

  /** The time condition; only for a draft without violations. */
  TimeCondition condition() {
    return timeCondition == null
        ? TimeCondition.ANY_TIME
        : TimeCondition.of(timeCondition).orElseThrow();
  }

  /** The parsed patterns; only for a draft without violations. */
  List<DialPattern> patterns() {
    return dialPatterns.stream().map(DialPatternDraft::parse).toList();
  }
}
