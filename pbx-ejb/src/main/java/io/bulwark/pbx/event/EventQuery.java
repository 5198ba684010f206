package io.bulwark.pbx.event;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.JpqlFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which events to list: a time range (either end open), the types and severities to keep (empty
 * keeps all), and read or unread ones ({@code null} keeps both). Pages are asked for separately, so
 * the same query counts and lists.
 */
public record EventQuery(
    Instant from,
    Instant to,
    Set<EventType> types,
    Set<EventType.Severity> severities,
    Boolean read) {

  public static final EventQuery ALL = new EventQuery(null, null, Set.of(), Set.of(), null);

  public EventQuery {
    types = types == null ? Set.of() : Set.copyOf(types);
    severities = severities == null ? Set.of() : Set.copyOf(severities);
  }

  /** The events from {@code from} on; all of them when it is null. */
  public static EventQuery since(Instant from) {
    return new EventQuery(from, null, Set.of(), Set.of(), null);
  }

  public EventQuery withTypes(Set<EventType> chosen) {
    return new EventQuery(from, to, chosen, severities, read);
  }

  public EventQuery withSeverities(Set<EventType.Severity> chosen) {
    return new EventQuery(from, to, types, chosen, read);
  }

  /** Only the read events with {@code true}, only the unread with {@code false}. */
  public EventQuery withRead(Boolean chosen) {
    return new EventQuery(from, to, types, severities, chosen);
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (from != null && to != null && from.isAfter(to)) {
      found.add(new FieldViolation("from", "The start of the range is after its end"));
    }
    return found;
  }

  JpqlFilter filter() {
    return new JpqlFilter()
        .atLeast("e.occurredAt", "from", from)
        .below("e.occurredAt", "to", to)
        .in("e.type", "types", types)
        .in("e.severity", "severities", severities)
        .where("e.read = :read", "read", read);
  }
}
