package io.bulwark.pbx.routing;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.trunk.Trunk;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creates, changes, orders and removes outbound routes. Every change is validated and audited. */
@Stateless
public class OutboundRouteService {

  @PersistenceContext private EntityManager em;
  @Inject private ExtensionService extensions;
  @Inject private Clock clock;
  @Inject private Event<SecurityEvent> events;
  @Inject private Event<RoutesChanged> changes;

  /** In the order they are tried. */
  public List<OutboundRoute> all() {
    return em.createNamedQuery("OutboundRoute.all", OutboundRoute.class).getResultList();
  }

  public OutboundRoute get(long id) {
    OutboundRoute route = em.find(OutboundRoute.class, id);
    if (route == null) {
      throw new NotFoundException("Outbound route " + id + " does not exist");
    }
    return route;
  }

  /** The new route is tried last; move it up to give it precedence. */
  public OutboundRoute create(OutboundRouteDraft draft, String actor) {
    check(draft, null);
    int last = em.createNamedQuery("OutboundRoute.lastPosition", Integer.class).getSingleResult();
    OutboundRoute route = new OutboundRoute(draft, last + 1);
    em.persist(route);
    changed(EventType.OUTBOUND_ROUTE_CREATED, route, actor, "create");
    return route;
  }

  /**
   * Changes a route as the draft says. With {@code readVersion}, the version the change was made
   * from, a change saved since by someone else refuses it; without it the last save wins.
   */
  public OutboundRoute update(
      long id, Integer readVersion, OutboundRouteDraft draft, String actor) {
    OutboundRoute route = get(id);
    if (readVersion != null && readVersion != route.getVersion()) {
      throw new ConcurrentChangeException(
          "Outbound route "
              + route.getName()
              + " was changed by someone else since you opened it. Open it again to see the"
              + " changes; nothing was saved.");
    }
    check(draft, route.getId());
    route.apply(draft);
    em.flush(); // the version check of the database, before anyone hears of the change
    changed(EventType.OUTBOUND_ROUTE_UPDATED, route, actor, "update");
    return route;
  }

  /** Swaps the route with its neighbour; at either end of the list nothing changes. */
  public List<OutboundRoute> move(long id, Direction direction, String actor) {
    OutboundRoute route = get(id);
    List<OutboundRoute> ordered = all();
    RouteOrder.neighbour(ordered, route, direction)
        .ifPresent(
            other -> {
              route.swapPlaces(other);
              em.flush();
              changed(
                  EventType.OUTBOUND_ROUTE_UPDATED,
                  route,
                  actor,
                  "move " + direction.name().toLowerCase(Locale.ROOT));
            });
    return all();
  }

  public void delete(long id, String actor) {
    OutboundRoute route = get(id);
    em.remove(route);
    changed(EventType.OUTBOUND_ROUTE_DELETED, route, actor, "delete");
  }

  private void check(OutboundRouteDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()) {
      if (em.createNamedQuery("OutboundRoute.byName", OutboundRoute.class)
          .setParameter("name", draft.name())
          .getResultStream()
          .anyMatch(r -> !r.getId().equals(self))) {
        violations.add(
            new FieldViolation("name", "Outbound route " + draft.name() + " already exists"));
      }
      draft.trunkIds().stream()
          .filter(t -> em.find(Trunk.class, t) == null)
          .findFirst()
          .ifPresent(
              t ->
                  violations.add(new FieldViolation("trunkIds", "Trunk " + t + " does not exist")));
      draft.members().stream()
          .filter(m -> extensions.byNumber(m).isEmpty())
          .findFirst()
          .ifPresent(
              m ->
                  violations.add(
                      new FieldViolation("members", "Extension " + m + " does not exist")));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void changed(EventType type, OutboundRoute route, String actor, String action) {
    changes.fire(new RoutesChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(), type, null, actor, action, "outbound route " + route.getName()));
  }
}
