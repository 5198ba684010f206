package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.routing.Direction;
import io.bulwark.pbx.routing.InboundRoute;
import io.bulwark.pbx.routing.InboundRouteDraft;
import io.bulwark.pbx.routing.InboundRouteService;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The Inbound Routes page: the routes in the order they are tried, and one form. */
@Named
@ViewScoped
public class InboundRoutesView implements Serializable {

  private static final String FORM = "routeForm";

  @Inject private transient InboundRouteService routes;
  @Inject private transient ExtensionService extensions;

  private List<InboundRoute> all;
  private List<Extension> allExtensions;
  private Long editingId;
  private int editingVersion;
  private String editingName;
  private String name;
  private String didPattern;
  private String callerPattern;
  private String destination;

  @PostConstruct
  void load() {
    all = routes.all();
    allExtensions = extensions.all();
  }

  public void startNew() {
    editingId = null;
    editingName = name = didPattern = callerPattern = destination = null;
  }

  public void edit(long id) {
    InboundRoute r;
    try {
      r = routes.get(id);
    } catch (NotFoundException gone) {
      FormMessages.error("This inbound route was deleted by someone else.");
      load();
      return;
    }
    editingId = r.getId();
    editingVersion = r.getVersion();
    editingName = r.getName();
    name = r.getName();
    didPattern = r.getDidPattern();
    callerPattern = r.getCallerPattern();
    destination = r.getDestination();
  }

  public void save() {
    InboundRouteDraft draft = new InboundRouteDraft(name, didPattern, callerPattern, destination);
    try {
      if (editingId == null) {
        routes.create(draft, FormMessages.actor());
        FormMessages.info("Inbound route " + draft.name() + " created");
      } else {
        routes.update(editingId, editingVersion, draft, FormMessages.actor());
        FormMessages.info("Inbound route " + draft.name() + " saved");
      }
      startNew();
      load();
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    } catch (NotFoundException e) {
      FormMessages.refused(
          "Inbound route " + editingName + " was deleted by someone else; nothing was saved.");
      startNew();
      load();
    } catch (InvalidInputException e) {
      FormMessages.fields(FORM, e.violations());
    }
  }

  public void move(long id, String direction) {
    try {
      routes.move(id, Direction.parse(direction).orElseThrow(), FormMessages.actor());
    } catch (NotFoundException e) {
      FormMessages.error("This inbound route was deleted by someone else.");
    }
    load();
  }

  public void delete(long id, String shownName) {
    try {
      routes.delete(id, FormMessages.actor());
      FormMessages.info("Inbound route " + shownName + " deleted");
    } catch (NotFoundException e) {
      FormMessages.info("Inbound route " + shownName + " was already deleted by someone else.");
    }
    if (editingId != null && editingId == id) {
      startNew();
    }
    load();
  }

  public boolean isFirst(InboundRoute route) {
    return !all.isEmpty() && all.get(0) == route;
  }

  public boolean isLast(InboundRoute route) {
    return !all.isEmpty() && all.get(all.size() - 1) == route;
  }

  public List<InboundRoute> getAll() {
    return all;
  }

  public List<Extension> getAllExtensions() {
    return allExtensions;
  }

  public boolean isEditing() {
    return editingId != null;
  }

  public String getEditingName() {
    return editingName;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDidPattern() {
    return didPattern;
  }

  public void setDidPattern(String didPattern) {
    this.didPattern = didPattern;
  }

  public String getCallerPattern() {
    return callerPattern;
  }

  public void setCallerPattern(String callerPattern) {
    this.callerPattern = callerPattern;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }
}
