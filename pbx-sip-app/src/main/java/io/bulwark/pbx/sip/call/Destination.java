package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.routing.RoutePin;
import io.bulwark.pbx.trunk.TrunkProfile;
import java.util.List;

/**
 * Where a call rings: every registered phone of an extension at once, or the trunks of an outbound
 * route one after another.
 */
sealed interface Destination {

  /** An extension's phones, rung in parallel (forking). */
  record Phones(List<Binding> bindings) implements Destination {}

  /**
   * An outside number through a route's trunks, the next one tried when a trunk fails.
   *
   * @param number the number as the provider should see it (stripped and prepended by the route)
   * @param callerIdNumber what the call presents, null for each trunk's own caller ID
   * @param callerIdName the display name presented, null for none
   * @param pin the PINs the caller enters before the trunks ring
   */
  record Trunks(
      List<TrunkProfile> trunks,
      String number,
      String callerIdNumber,
      String callerIdName,
      RoutePin pin)
      implements Destination {}
}
