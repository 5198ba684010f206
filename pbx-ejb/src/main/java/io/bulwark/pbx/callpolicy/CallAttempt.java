package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.routing.OutboundDecision;
import io.bulwark.pbx.routing.RoutePin;
import io.bulwark.pbx.routing.TimeCondition;
import java.time.Instant;

/**
 * An outbound call to authorize.
 *
 * @param caller the number of the authenticated extension placing it
 * @param dialled what the extension dialled
 * @param number what would be sent to the trunk, after the route's strip and prepend; null when no
 *     route the caller may use takes the number
 * @param at when it is placed
 * @param route the name of the route it would take, null for none
 * @param routeTime when that route may be used
 * @param pin the PINs that route asks for
 */
public record CallAttempt(
    String caller,
    String dialled,
    String number,
    Instant at,
    String route,
    TimeCondition routeTime,
    RoutePin pin) {

  /** A call through a route usable at any time. */
  public CallAttempt(String caller, String dialled, String number, Instant at) {
    this(caller, dialled, number, at, null, TimeCondition.ANY_TIME, RoutePin.NONE);
  }

  /** The attempt of a call the routing decided, with what the route would send; null for none. */
  public static CallAttempt of(
      String caller, String dialled, OutboundDecision decision, Instant at) {
    return decision == null
        ? new CallAttempt(caller, dialled, null, at)
        : new CallAttempt(
            caller,
            dialled,
            decision.number(),
            at,
            decision.routeName(),
            decision.timeCondition(),
            decision.pin());
  }
}
