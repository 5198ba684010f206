package io.bulwark.pbx.routing;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creates, changes, orders and removes the routes of one kind. Every change is validated, saved
 * under the route's version check and audited; inbound and outbound routes differ only in their
 * fields and in what their drafts must name that exists, which the subclass says.
 *
 * @param <R> the route entity; its named queries are {@code <Entity>.all}, {@code .byName} and
 *     {@code .lastPosition}
 * @param <D> what an administrator typed for one
 */
public abstract class OrderedRouteService<R extends OrderedRoute, D> {

  @PersistenceContext protected EntityManager em;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<RoutesChanged> changes;

  private final Class<R> type;
  private final String label;
  private final EventType created;
  private final EventType updated;
  private final EventType deleted;

  /**
   * @param label what messages call a route, capitalised: {@code Inbound route}
   */
  protected OrderedRouteService(
      Class<R> type, String label, EventType created, EventType updated, EventType deleted) {
    this.type = type;
    this.label = label;
    this.created = created;
    this.updated = updated;
    this.deleted = deleted;
  }

  /** A new route from a checked draft, at {@code position}. */
  abstract R newRoute(D draft, int position);

  /** Takes a checked draft's values over into {@code route}. */
  abstract void apply(R route, D draft);

  abstract String nameOf(D draft);

  /** What is wrong with the draft's fields by themselves. */
  abstract List<FieldViolation> fieldViolations(D draft);

  /** Adds a violation for each thing the (otherwise valid) draft names that does not exist. */
  abstract void checkReferences(D draft, List<FieldViolation> violations);

  /** In the order they are tried. */
  public List<R> all() {
    return em.createNamedQuery(query("all"), type).getResultList();
  }

  public R get(long id) {
    R route = em.find(type, id);
    if (route == null) {
      throw new NotFoundException(label + " " + id + " does not exist");
    }
    return route;
  }

  /** The new route is tried last; move it up to give it precedence. */
  public R create(D draft, String actor) {
    check(draft, null);
    int last = em.createNamedQuery(query("lastPosition"), Integer.class).getSingleResult();
    R route = newRoute(draft, last + 1);
    em.persist(route);
    changed(created, route, actor, "create");
    return route;
  }

  /**
   * Changes a route as the draft says. With {@code readVersion}, the version the change was made
   * from, a change saved since by someone else refuses it; without it the last save wins.
   */
  public R update(long id, Integer readVersion, D draft, String actor) {
    R route = get(id);
    if (readVersion != null && readVersion != route.getVersion()) {
      throw new ConcurrentChangeException(
          label
              + " "
              + route.getName()
              + " was changed by someone else since you opened it. Open it again to see the"
              + " changes; nothing was saved.");
    }
    check(draft, route.getId());
    apply(route, draft);
    em.flush(); // the version check of the database, before anyone hears of the change
    changed(updated, route, actor, "update");
    return route;
  }

  /** Swaps the route with its neighbour; at either end of the list nothing changes. */
  public List<R> move(long id, Direction direction, String actor) {
    R route = get(id);
    RouteOrder.neighbour(all(), route, direction)
        .ifPresent(
            other -> {
              route.swapPlaces(other);
              em.flush();
              changed(updated, route, actor, "move " + direction.name().toLowerCase(Locale.ROOT));
            });
    return all();
  }

  public void delete(long id, String actor) {
    R route = get(id);
    em.remove(route);
    changed(deleted, route, actor, "delete");
  }

  private void check(D draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(fieldViolations(draft));
    if (violations.isEmpty()) {
      String name = nameOf(draft);
      if (em.createNamedQuery(query("byName"), type)
          .setParameter("name", name)
          .getResultStream()
          .anyMatch(r -> !r.getId().equals(self))) {
        violations.add(new FieldViolation("name", label + " " + name + " already exists"));
      }
      checkReferences(draft, violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private String query(String name) {
    return type.getSimpleName() + "." + name;
  }

  /** Routing reloads the routes once the change commits; the event log records who made it. */
  private void changed(EventType event, R route, String actor, String action) {
    changes.fire(new RoutesChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            event,
            null,
            actor,
            action,
            label.toLowerCase(Locale.ROOT) + " " + route.getName()));
  }
}
