package io.bulwark.pbx.routing;

import java.util.List;
import java.util.Optional;

/**
 * The outbound routing policy: the routes in their order, and for a caller and a dialled number the
 * first route that applies. A caller that no route admits for this number gets no decision, which
 * is how route permissions keep extensions off trunks they have no business using.
 */
public final class OutboundRouting {

  public static final OutboundRouting NONE = new OutboundRouting(List.of());

  private final List<OutboundRule> routes;

  /** {@code routes} in the order they are tried. */
  public OutboundRouting(List<OutboundRule> routes) {
    this.routes = List.copyOf(routes);
  }

  /**
   * @param callerExtension the number of the authenticated extension placing the call
   * @param dialled what it dialled
   */
  public Optional<OutboundDecision> route(String callerExtension, String dialled) {
    return Optional.ofNullable(lookup(callerExtension, dialled).decision());
  }

  /**
   * What the routes say of a call, in one pass: whether any route takes {@code dialled}, whoever
   * calls (when none does, the number leads nowhere; when one does but not for the caller, the
   * caller lacks the permission), and the caller's decision, null when no route it may use does.
   */
  public record Lookup(boolean taken, OutboundDecision decision) {}

  public Lookup lookup(String callerExtension, String dialled) {
    boolean taken = false;
    for (OutboundRule route : routes) {
      Optional<String> number = route.numberFor(callerExtension, dialled);
      if (number.isPresent()) {
        return new Lookup(true, decision(route, number.get()));
      }
      taken = taken || route.patterns().stream().anyMatch(p -> p.matches(dialled));
    }
    return new Lookup(taken, null);
  }

  /**
   * The first route that takes {@code dialled}, whoever its members: for the calls Bulwark places
   * itself (a notification to a mobile number an administrator gave), which no extension makes.
   */
  public Optional<OutboundDecision> forSystem(String dialled) {
    for (OutboundRule route : routes) {
      Optional<String> number = route.numberFor(dialled);
      if (number.isPresent()) {
        return Optional.of(decision(route, number.get()));
      }
    }
    return Optional.empty();
  }

  private static OutboundDecision decision(OutboundRule route, String number) {
    return new OutboundDecision(
        route.id(),
        route.name(),
        number,
        route.trunkIds(),
        route.callerIdNumber(),
        route.timeCondition(),
        route.pin());
  }

  public List<OutboundRule> routes() {
    return routes;
  }
}
