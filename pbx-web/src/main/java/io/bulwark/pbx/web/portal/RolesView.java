package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.identity.Access;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.identity.BuiltInRole;
import io.bulwark.pbx.identity.CustomRole;
import io.bulwark.pbx.identity.Permissions;
import io.bulwark.pbx.identity.RoleDraft;
import io.bulwark.pbx.identity.RoleService;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Extensions and Trunks > Roles: the seven built-in roles, which can be copied but not changed, and
 * custom roles with their access (none, view, edit) to each area.
 */
@Named
@ViewScoped
public class RolesView implements Serializable {

  @Inject private transient RoleService roles;

  private final EditedRecord edited = new EditedRecord("Role", "role");
  private List<Row> all;
  private String name;
  private String description;
  private List<AreaAccess> access = blank();

  /** A role as the list shows it (getters, as the pages' expression language reads them). */
  public record Row(String name, String label, String description, boolean builtIn, String summary)
      implements Serializable {
    public String getName() {
      return name;
    }

    public String getLabel() {
      return label;
    }

    public String getDescription() {
      return description;
    }

    public boolean isBuiltIn() {
      return builtIn;
    }

    public String getSummary() {
      return summary;
    }
  }

  /** One area's line of the form. */
  public static final class AreaAccess implements Serializable {
    private final Area area;
    private Access access;

    AreaAccess(Area area, Access access) {
      this.area = area;
      this.access = access;
    }

    public Area getArea() {
      return area;
    }

    public Access getAccess() {
      return access;
    }

    public void setAccess(Access access) {
      this.access = access;
    }
  }

  @PostConstruct
  void load() {
    List<Row> rows = new ArrayList<>();
    for (BuiltInRole role : BuiltInRole.values()) {
      rows.add(
          new Row(
              role.roleName(),
              role.getLabel(),
              "Built-in role",
              true,
              summary(role.permissions())));
    }
    for (CustomRole role : roles.custom()) {
      rows.add(
          new Row(
              role.getName(),
              role.getName(),
              role.getDescription(),
              false,
              summary(role.permissions())));
    }
    all = rows;
  }

  public List<Row> getAll() {
    return all;
  }

  public Access[] getLevels() {
    return Access.values();
  }

  /** The form starts from {@code source}'s access under a new name: the guide's Copy Role. */
  public void copy(String source) {
    Permissions permissions =
        BuiltInRole.named(source)
            .map(BuiltInRole::permissions)
            .or(() -> roles.find(source).map(CustomRole::permissions))
            .orElse(Permissions.NONE);
    edited.clear();
    name = "copy-of-" + source;
    description = "Copy of " + source;
    access = rows(permissions);
  }

  public void edit(String role) {
    roles
        .find(role)
        .ifPresentOrElse(
            r -> {
              edited.edit(r.getId(), r.getVersion(), r.getName());
              name = r.getName();
              description = r.getDescription();
              access = rows(r.permissions());
            },
            () -> FormMessages.error("This role was deleted by someone else."));
  }

  public void save() {
    RoleDraft draft =
        new RoleDraft(
            name,
            description,
            access.stream()
                .collect(
                    Collectors.toMap(
                        a -> a.getArea().name(),
                        a -> a.getAccess().name(),
                        (a, b) -> b,
                        LinkedHashMap::new)));
    if (edited.save(
        name,
        actor -> roles.create(draft, actor),
        (id, version, actor) -> roles.update(edited.name(), version, draft, actor))) {
      clear();
    }
    load();
  }

  public void delete(String role) {
    try {
      roles.delete(role, FormMessages.actor());
      FormMessages.info("Role " + role + " deleted");
      if (role.equals(edited.name())) {
        clear();
      }
    } catch (NotFoundException e) {
      FormMessages.info("Role " + role + " was already deleted by someone else.");
    } catch (InvalidInputException e) {
      FormMessages.error(e.violations().get(0).message());
    } catch (InUseException | UnavailableException e) {
      FormMessages.error(e.getMessage());
    }
    load();
  }

  public void clear() {
    edited.clear();
    name = null;
    description = null;
    access = blank();
  }

  public boolean isEditing() {
    return edited.isEditing();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<AreaAccess> getAccess() {
    return access;
  }

  private static List<AreaAccess> blank() {
    return rows(Permissions.NONE);
  }

  private static List<AreaAccess> rows(Permissions permissions) {
    List<AreaAccess> rows = new ArrayList<>();
    for (Map.Entry<Area, Access> entry : permissions.asMap().entrySet()) {
      rows.add(new AreaAccess(entry.getKey(), entry.getValue()));
    }
    return rows;
  }

  /** "Extensions: edit, Trunks: view"; "Dashboard only" when it gives nothing. */
  static String summary(Permissions permissions) {
    String granted =
        permissions.asMap().entrySet().stream()
            .filter(e -> e.getValue() != Access.NONE)
            .map(e -> e.getKey().getLabel() + ": " + e.getValue().getLabel().toLowerCase())
            .collect(Collectors.joining(", "));
    return granted.isEmpty() ? "Dashboard only" : granted;
  }
}
