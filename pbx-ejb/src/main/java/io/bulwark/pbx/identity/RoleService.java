package io.bulwark.pbx.identity;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UniqueNames;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Creates, copies, changes and deletes custom roles, in the database and as Keycloak realm roles in
 * one step: when Keycloak refuses, nothing changes. Built-in roles are never changed or deleted; a
 * role a user holds is not deleted.
 */
@Stateless
public class RoleService {

  @PersistenceContext private EntityManager em;
  @Inject private KeycloakDirectory directory;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<RolesChanged> changes;

  public List<CustomRole> custom() {
    return em.createNamedQuery("CustomRole.all", CustomRole.class).getResultList();
  }

  public Optional<CustomRole> find(String name) {
    return custom().stream().filter(r -> r.getName().equalsIgnoreCase(name)).findFirst();
  }

  public CustomRole create(RoleDraft draft, String actor) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && UniqueNames.takenByAnother(
            custom(), CustomRole::getName, CustomRole::getId, draft.name(), null)) {
      violations.add(new FieldViolation("name", "A role of that name exists"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    CustomRole created = new CustomRole(draft);
    em.persist(created);
    em.flush();
    directory.createRole(created.getName(), "Bulwark custom role: " + created.getDescription());
    changed(created, EventType.ROLE_CREATED, actor, "create");
    return created;
  }

  /** A new custom role {@code name} with the permissions of the role {@code source}. */
  public CustomRole copy(String source, String name, String description, String actor) {
    Permissions permissions =
        BuiltInRole.named(source)
            .map(BuiltInRole::permissions)
            .or(() -> find(source).map(CustomRole::permissions))
            .orElseThrow(() -> new NotFoundException("Role " + source + " does not exist"));
    return create(
        new RoleDraft(
            name,
            description == null ? "Copy of " + source : description,
            permissions.asMap().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), e -> e.getValue().name()))),
        actor);
  }

  public CustomRole update(String name, Integer readVersion, RoleDraft draft, String actor) {
    refuseBuiltIn(name, "changed");
    CustomRole found = get(name);
    ConcurrentChangeException.check(readVersion, found.getVersion(), "Role " + found.getName());
    List<FieldViolation> violations =
        new ArrayList<>(
            new RoleDraft(found.getName(), draft.description(), draft.access()).violations());
    if (draft.name() != null && !draft.name().strip().equalsIgnoreCase(found.getName())) {
      violations.add(
          new FieldViolation("name", "A role keeps its name; copy it to make one of another name"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    found.apply(draft);
    em.flush();
    changed(found, EventType.ROLE_UPDATED, actor, "update");
    return found;
  }

  public void delete(String name, String actor) {
    refuseBuiltIn(name, "deleted");
    CustomRole found = get(name);
    int holders = directory.holders(found.getName(), 1);
    if (holders > 0) {
      throw new InUseException(
          "Role " + found.getName() + " is held by a user; give them another role first");
    }
    em.remove(found);
    em.flush();
    directory.deleteRole(found.getName());
    changed(found, EventType.ROLE_DELETED, actor, "delete");
  }

  private CustomRole get(String name) {
    return find(name).orElseThrow(() -> new NotFoundException("Role " + name + " does not exist"));
  }

  private static void refuseBuiltIn(String name, String what) {
    BuiltInRole.named(name)
        .ifPresent(
            role -> {
              throw new InvalidInputException(
                  List.of(
                      new FieldViolation(
                          "name",
                          role.getLabel()
                              + " is a built-in role and cannot be "
                              + what
                              + "; copy it to make a role of your own")));
            });
  }

  private void changed(CustomRole role, EventType type, String actor, String action) {
    changes.fire(new RolesChanged());
    Map<Area, Access> access = role.permissions().asMap();
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            type,
            null,
            actor,
            action,
            "Role "
                + role.getName()
                + ": "
                + access.entrySet().stream()
                    .filter(e -> e.getValue() != Access.NONE)
                    .map(e -> e.getKey().getLabel() + " " + e.getValue().name().toLowerCase())
                    .collect(Collectors.joining(", "))));
  }
}
