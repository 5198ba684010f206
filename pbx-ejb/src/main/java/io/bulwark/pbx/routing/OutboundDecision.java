package io.bulwark.pbx.routing;

import java.util.List;

/**
 * Where an outbound call goes: through which route, as which number, over which trunks in turn.
 *
 * @param number the dialled number after the matching pattern stripped and prepended
 * @param trunkIds the trunks to try in order; see {@link Failover} for when to try the next
 * @param callerIdNumber the route's outbound caller ID; {@code null} to present the trunk's
 * @param timeCondition when the route may be used, which the call policy checks
 * @param pin the PINs the caller must enter first, which the call router asks for
 */
public record OutboundDecision(
    long routeId,
    String routeName,
    String number,
    List<Long> trunkIds,
    String callerIdNumber,
    TimeCondition timeCondition,
    RoutePin pin) {}
