package io.bulwark.pbx.location;

import java.util.List;

/**
 * What the location service holds for one address of record (an extension number): its current
 * bindings and what the database already has of them.
 *
 * @param bindings the bindings in force, in the order they were first registered
 * @param persistedExpiry the earliest expiry among the bindings as last written to the database, or
 *     {@code 0} when the database holds nothing for this address; a refresh that only extends
 *     lifetimes is written only when this runs short (see {@link WriteBehindPolicy})
 */
public record AorBindings(List<Binding> bindings, long persistedExpiry) {

  public static final AorBindings NONE = new AorBindings(List.of(), 0);

  public AorBindings {
    bindings = List.copyOf(bindings);
  }

  public boolean isEmpty() {
    return bindings.isEmpty();
  }

  /** The earliest expiry, or {@link Long#MAX_VALUE} when there is no binding. */
  public long earliestExpiry() {
    long earliest = Long.MAX_VALUE;
    for (Binding b : bindings) {
      earliest = Math.min(earliest, b.expiresAtMillis());
    }
    return earliest;
  }

  /** The bindings still active at {@code now}. */
  public List<Binding> active(long now) {
    for (Binding b : bindings) {
      if (!b.isActive(now)) {
        return bindings.stream().filter(x -> x.isActive(now)).toList();
      }
    }
    return bindings;
  }

  AorBindings withBindings(List<Binding> next) {
    return new AorBindings(next, persistedExpiry);
  }

  AorBindings written() {
    return new AorBindings(bindings, isEmpty() ? 0 : earliestExpiry());
  }
}
