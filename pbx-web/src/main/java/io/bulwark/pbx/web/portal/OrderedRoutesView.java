package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.routing.Direction;
import io.bulwark.pbx.routing.OrderedRoute;
import io.bulwark.pbx.routing.OrderedRouteService;
import java.io.Serializable;
import java.util.List;

/**
 * What both route pages do alike: list the routes in the order they are tried, move one up or down,
 * delete one, and create or edit one in the page's form ({@code routeForm}). A page adds its own
 * fields, how they become a draft, and the lists its form chooses from.
 *
 * @param <R> the route entity
 * @param <D> its draft
 */
abstract class OrderedRoutesView<R extends OrderedRoute, D> implements Serializable {

  private final EditedRecord editing;
  private List<R> all;

  /**
   * @param noun what messages call a route, capitalised: {@code Inbound route}
   */
  OrderedRoutesView(String noun) {
    editing = new EditedRecord(noun, "routeForm");
  }

  /** The page's service (a transient injection: it is not serialised with the view). */
  abstract OrderedRouteService<R, D> routes();

  /** Reads the routes (with {@link #loadRoutes}) and whatever else the page shows. */
  abstract void load();

  /** Empties the form's own fields for a new route. */
  abstract void clearFields();

  /** Fills the form's own fields from {@code route}. */
  abstract void fill(R route);

  /** The form's fields as a draft. */
  abstract D draft();

  abstract String nameOf(D draft);

  void loadRoutes() {
    all = routes().all();
  }

  public void startNew() {
    editing.clear();
    clearFields();
  }

  public void edit(long id) {
    editing
        .ifStillThere(() -> routes().get(id))
        .ifPresentOrElse(
            route -> {
              editing.edit(route.getId(), route.getVersion(), route.getName());
              fill(route);
            },
            this::load);
  }

  public void save() {
    D draft = draft();
    if (editing.save(
        nameOf(draft),
        actor -> routes().create(draft, actor),
        (id, version, actor) -> routes().update(id, version, draft, actor))) {
      startNew();
      load();
    }
  }

  public void move(long id, String direction) {
    editing.ifStillThere(
        () -> routes().move(id, Direction.parse(direction).orElseThrow(), FormMessages.actor()));
    load();
  }

  /** Deletes the route the list shows as {@code shownName}; the form lets go of it either way. */
  public void delete(long id, String shownName) {
    editing.delete(shownName, actor -> routes().delete(id, actor));
    if (editing.isEditing(id)) {
      startNew();
    }
    load();
  }

  /** By identity: the list holds the very routes the page renders. */
  public boolean isFirst(R route) {
    return !all.isEmpty() && all.get(0) == route;
  }

  public boolean isLast(R route) {
    return !all.isEmpty() && all.get(all.size() - 1) == route;
  }

  public List<R> getAll() {
    return all;
  }

  public boolean isEditing() {
    return editing.isEditing();
  }

  public String getEditingName() {
    return editing.name();
  }
}
