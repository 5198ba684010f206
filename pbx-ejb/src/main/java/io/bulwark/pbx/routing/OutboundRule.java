package io.bulwark.pbx.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An outbound route as the routing policy reads it: immutable, so the SIP threads can share it.
 *
 * @param members numbers of the extensions allowed to call through the route
 * @param callerIdNumber presented instead of the trunk's; {@code null} for the trunk's
 * @param timeCondition when the route may be used
 * @param pin the PINs a caller enters before the route takes the call
 */
public record OutboundRule(
    long id,
    String name,
    List<DialPattern> patterns,
    List<Long> trunkIds,
    Set<String> members,
    String callerIdNumber,
    TimeCondition timeCondition,
    RoutePin pin) {

  public OutboundRule {
    patterns = List.copyOf(patterns);
    trunkIds = List.copyOf(trunkIds);
    members = Set.copyOf(members);
  }

  /**
   * The number to send to the trunk when {@code caller} may use this route and {@code dialled}
   * matches one of its patterns (the first that matches rewrites it); empty when the route does not
   * apply.
   */
  public Optional<String> numberFor(String caller, String dialled) {
    return members.contains(caller) ? numberFor(dialled) : Optional.empty();
  }

  /** The number to send to the trunk when {@code dialled} matches one of the route's patterns. */
  public Optional<String> numberFor(String dialled) {
    for (DialPattern pattern : patterns) {
      Optional<String> rewritten = pattern.rewrite(dialled);
      if (rewritten.isPresent()) {
        return rewritten;
      }
    }
    return Optional.empty();
  }
}
