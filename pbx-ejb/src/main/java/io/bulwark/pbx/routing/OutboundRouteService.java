package io.bulwark.pbx.routing;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.extension.ExtensionGroup;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.SecretCipher;
import io.bulwark.pbx.trunk.Trunk;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Creates, changes, orders and removes outbound routes. Every change is validated and audited. */
@Stateless
public class OutboundRouteService extends OrderedRouteService<OutboundRoute, OutboundRouteDraft> {

  @Inject private ExtensionService extensions;
  @Inject private SecretCipher cipher;

  public OutboundRouteService() {
    super(
        OutboundRoute.class,
        "Outbound route",
        EventType.OUTBOUND_ROUTE_CREATED,
        EventType.OUTBOUND_ROUTE_UPDATED,
        EventType.OUTBOUND_ROUTE_DELETED);
  }

  @Override
  OutboundRoute newRoute(OutboundRouteDraft draft, int position) {
    return new OutboundRoute(draft, position, cipher::encrypt);
  }

  @Override
  void apply(OutboundRoute route, OutboundRouteDraft draft) {
    route.apply(draft, cipher::encrypt);
  }

  /** A route's single PIN in clear, for the administrator who edits it; null without one. */
  public String pinOf(OutboundRoute route) {
    return route.pinShown(cipher::decrypt);
  }

  @Override
  String nameOf(OutboundRouteDraft draft) {
    return draft.name();
  }

  @Override
  List<FieldViolation> fieldViolations(OutboundRouteDraft draft) {
    return draft.violations();
  }

  /** Each trunk, group and member must exist; the first missing one of each is reported. */
  @Override
  void checkReferences(OutboundRouteDraft draft, List<FieldViolation> violations) {
    draft.trunkIds().stream()
        .filter(t -> em.find(Trunk.class, t) == null)
        .findFirst()
        .ifPresent(
            t -> violations.add(new FieldViolation("trunkIds", "Trunk " + t + " does not exist")));
    draft.groupIds().stream()
        .filter(g -> em.find(ExtensionGroup.class, g) == null)
        .findFirst()
        .ifPresent(
            g ->
                violations.add(
                    new FieldViolation("groupIds", "Extension group " + g + " does not exist")));
    if (draft.pin().listId() != null
        && draft.pinMode() == PinMode.LIST
        && em.find(PinList.class, draft.pin().listId()) == null) {
      violations.add(
          new FieldViolation("pinListId", "PIN list " + draft.pin().listId() + " does not exist"));
    }
    draft.members().stream()
        .filter(m -> extensions.byNumber(m).isEmpty())
        .findFirst()
        .ifPresent(
            m ->
                violations.add(
                    new FieldViolation("members", "Extension " + m + " does not exist")));
  }
}
