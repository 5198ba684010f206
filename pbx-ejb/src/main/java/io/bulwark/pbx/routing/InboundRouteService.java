package io.bulwark.pbx.routing;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.system.FieldViolation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Creates, changes, orders and removes inbound routes. Every change is validated and audited. */
@Stateless
public class InboundRouteService extends OrderedRouteService<InboundRoute, InboundRouteDraft> {

  @Inject private ExtensionService extensions;

  public InboundRouteService() {
    super(
        InboundRoute.class,
        "Inbound route",
        EventType.INBOUND_ROUTE_CREATED,
        EventType.INBOUND_ROUTE_UPDATED,
        EventType.INBOUND_ROUTE_DELETED);
  }

  @Override
  InboundRoute newRoute(InboundRouteDraft draft, int position) {
    return new InboundRoute(draft, position);
  }

  @Override
  void apply(InboundRoute route, InboundRouteDraft draft) {
    route.apply(draft);
  }

  @Override
  String nameOf(InboundRouteDraft draft) {
    return draft.name();
  }

  @Override
  List<FieldViolation> fieldViolations(InboundRouteDraft draft) {
    return draft.violations();
  }

  /** The destination must be an extension; one deleted later makes the route refuse calls. */
  @Override
  void checkReferences(InboundRouteDraft draft, List<FieldViolation> violations) {
    if (extensions.byNumber(draft.destination()).isEmpty()) {
      violations.add(
          new FieldViolation(
              "destination", "Extension " + draft.destination() + " does not exist"));
    }
  }
}
