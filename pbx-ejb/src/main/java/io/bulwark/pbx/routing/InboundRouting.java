package io.bulwark.pbx.routing;

import java.util.List;
import java.util.Optional;

/**
 * The inbound routing policy: the routes in their order, and for a call from a trunk the first
 * route that takes it. A call no route takes gets no decision, and the SIP side refuses it.
 */
public final class InboundRouting {

  public static final InboundRouting NONE = new InboundRouting(List.of());

  private final List<InboundRule> routes;

  /** {@code routes} in the order they are tried. */
  public InboundRouting(List<InboundRule> routes) {
    this.routes = List.copyOf(routes);
  }

  /**
   * @param did the number the caller dialled, as the trunk delivers it
   * @param caller the caller's number; empty when the trunk withholds it
   */
  public Optional<InboundRule> route(String did, String caller) {
    return routes.stream().filter(r -> r.accepts(did, caller)).findFirst();
  }

  public List<InboundRule> routes() {
    return routes;
  }
}
