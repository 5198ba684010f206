package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.callpolicy.CallPolicy;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.routing.InboundRouting;
import io.bulwark.pbx.routing.OutboundRouting;
import io.bulwark.pbx.trunk.Trunks;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What decides where a dialled number goes: the extensions (and their caller ID names), where their
 * phones are registered, the trunks, the outbound and inbound routes, and the call policy every
 * outbound call passes, each as it is now.
 *
 * @param callerIdNames the caller ID name of an extension number, absent for a non-extension
 */
public record Dialplan(
    Function<String, Optional<String>> callerIdNames,
    Locations locations,
    Supplier<Trunks> trunks,
    Supplier<OutboundRouting> outbound,
    Supplier<InboundRouting> inbound,
    Supplier<CallPolicy> policy) {

  /** Extensions only: no trunk, no route. */
  public static Dialplan extensionsOnly(
      Function<String, Optional<String>> callerIdNames, Locations locations) {
    return new Dialplan(
        callerIdNames,
        locations,
        () -> Trunks.NONE,
        () -> OutboundRouting.NONE,
        () -> InboundRouting.NONE,
        CallPolicy::routesOnly);
  }

  boolean isExtension(String number) {
    return number != null && callerIdNames.apply(number).isPresent();
  }
}
