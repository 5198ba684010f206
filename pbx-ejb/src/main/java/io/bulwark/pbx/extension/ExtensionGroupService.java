package io.bulwark.pbx.extension;

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

/**
 * Creates, changes and removes extension groups; each change is validated and is an event, and a
 * group an outbound route lists cannot be removed.
 */
@Stateless
public class ExtensionGroupService {

  @PersistenceContext private EntityManager em;
  @Inject private ExtensionService extensions;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<ExtensionGroupChanged> changes;

  public List<ExtensionGroup> all() {
    return em.createNamedQuery("ExtensionGroup.all", ExtensionGroup.class).getResultList();
  }

  public ExtensionGroup get(long id) {
    ExtensionGroup found = em.find(ExtensionGroup.class, id);
    if (found == null) {
      throw new NotFoundException("Extension group " + id + " does not exist");
    }
    return found;
  }

  public ExtensionGroup create(ExtensionGroupDraft draft, String actor) {
    check(draft, null);
    ExtensionGroup created = new ExtensionGroup(draft);
    em.persist(created);
    em.flush();
    changed(created, EventType.EXTENSION_GROUP_CREATED, actor, "create");
    return created;
  }

  public ExtensionGroup update(
      long id, Integer readVersion, ExtensionGroupDraft draft, String actor) {
    ExtensionGroup found = get(id);
    ConcurrentChangeException.check(
        readVersion, found.getVersion(), "Extension group " + found.getName());
    check(draft, id);
    found.apply(draft);
    em.flush();
    changed(found, EventType.EXTENSION_GROUP_UPDATED, actor, "update");
    return found;
  }

  /** Refused while an outbound route lists the group. */
  public void delete(long id, String actor) {
    ExtensionGroup found = get(id);
    // By the query's name: routes belong to routing, which reads extensions.
    List<String> routes =
        em.createNamedQuery("OutboundRoute.namesListingGroup", String.class)
            .setParameter("groupId", found.getId())
            .getResultList();
    if (!routes.isEmpty()) {
      throw new InUseException(
          "Extension group "
              + found.getName()
              + " is listed by outbound route "
              + String.join(", ", routes)
              + "; remove it from there first. Nothing was deleted.");
    }
    em.remove(found);
    changed(found, EventType.EXTENSION_GROUP_DELETED, actor, "delete");
  }

  private void check(ExtensionGroupDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()) {
      if (UniqueNames.takenByAnother(
          all(), ExtensionGroup::getName, ExtensionGroup::getId, draft.name(), self)) {
        violations.add(new FieldViolation("name", "A group with this name exists"));
      }
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

  private void changed(ExtensionGroup group, EventType type, String actor, String action) {
    changes.fire(new ExtensionGroupChanged(group.getId()));
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            type,
            null,
            actor,
            action,
            "extension group "
                + group.getName()
                + ": "
                + (group.getMembers().isEmpty()
                    ? "no member"
                    : String.join(" ", group.getMembers()))));
  }
}
