package io.bulwark.pbx.routing;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creates, changes, orders and removes inbound routes. Every change is validated and audited. */
@Stateless
public class InboundRouteService {

  @PersistenceContext private EntityManager em;
  @Inject private ExtensionService extensions;
  @Inject private Clock clock;
  @Inject private Event<SecurityEvent> events;
  @Inject private Event<RoutesChanged> changes;

  /** In the order they are tried. */
  public List<InboundRoute> all() {
    return em.createNamedQuery("InboundRoute.all", InboundRoute.class).getResultList();
  }

  public InboundRoute get(long id) {
    InboundRoute route = em.find(InboundRoute.class, id);
    if (route == null) {
      throw new NotFoundException("Inbound route " + id + " does not exist");
    }
    return route;
  }

  /** The new route is tried last; move it up to give it precedence. */
  public InboundRoute create(InboundRouteDraft draft, String actor) {
    check(draft, null);
    int last = em.createNamedQuery("InboundRoute.lastPosition", Integer.class).getSingleResult();
    InboundRoute route = new InboundRoute(draft, last + 1);
    em.persist(route);
    changed(EventType.INBOUND_ROUTE_CREATED, route, actor, "create");
    return route;
  }

  /**
   * Changes a route as the draft says. With {@code readVersion}, the version the change was made
   * from, a change saved since by someone else refuses it; without it the last save wins.
   */
  public InboundRoute update(long id, Integer readVersion, InboundRouteDraft draft, String actor) {
    InboundRoute route = get(id);
    if (readVersion != null && readVersion != route.getVersion()) {
      throw new ConcurrentChangeException(
          "Inbound route "
              + route.getName()
              + " was changed by someone else since you opened it. Open it again to see the"
              + " changes; nothing was saved.");
    }
    check(draft, route.getId());
    route.apply(draft);
    em.flush(); // the version check of the database, before anyone hears of the change
    changed(EventType.INBOUND_ROUTE_UPDATED, route, actor, "update");
    return route;
  }

  /** Swaps the route with its neighbour; at either end of the list nothing changes. */
  public List<InboundRoute> move(long id, Direction direction, String actor) {
    InboundRoute route = get(id);
    RouteOrder.neighbour(all(), route, direction)
        .ifPresent(
            other -> {
              route.swapPlaces(other);
              em.flush();
              changed(
                  EventType.INBOUND_ROUTE_UPDATED,
                  route,
                  actor,
                  "move " + direction.name().toLowerCase(Locale.ROOT));
            });
    return all();
  }

  public void delete(long id, String actor) {
    InboundRoute route = get(id);
    em.remove(route);
    changed(EventType.INBOUND_ROUTE_DELETED, route, actor, "delete");
  }

  private void check(InboundRouteDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()) {
      if (em.createNamedQuery("InboundRoute.byName", InboundRoute.class)
          .setParameter("name", draft.name())
          .getResultStream()
          .anyMatch(r -> !r.getId().equals(self))) {
        violations.add(
            new FieldViolation("name", "Inbound route " + draft.name() + " already exists"));
      }
      if (extensions.byNumber(draft.destination()).isEmpty()) {
        violations.add(
            new FieldViolation(
                "destination", "Extension " + draft.destination() + " does not exist"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void changed(EventType type, InboundRoute route, String actor, String action) {
    changes.fire(new RoutesChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(), type, null, actor, action, "inbound route " + route.getName()));
  }
}
