package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.routing.OutboundDecision;
import java.time.Instant;

/**
 * An outbound call to authorize.
 *
 * @param caller the number of the authenticated extension placing it
 * @param dialled what the extension dialled
 * @param number what would be sent to the trunk, after the route's strip and prepend; null when no
 *     route the caller may use takes the number
 * @param at when it is placed
 */
public record CallAttempt(String caller, String dialled, String number, Instant at) {

  /** The attempt of a call the routing decided, with what the route would send; null for none. */
  public static CallAttempt of(
      String caller, String dialled, OutboundDecision decision, Instant at) {
    return new CallAttempt(caller, dialled, decision == null ? null : decision.number(), at);
  }
}
