package io.bulwark.pbx.routing;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.SecretCipher;
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
 * Creates, changes and removes PIN lists; each change is validated and is an event (which never
 * names a PIN), and a list a route names cannot be removed.
 */
@Stateless
public class PinListService {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private SecretCipher cipher;
  @Inject private SecurityEvents events;
  @Inject private Event<RoutesChanged> changes;

  public List<PinList> all() {
    return em.createNamedQuery("PinList.all", PinList.class).getResultList();
  }

  public PinList get(long id) {
    PinList found = em.find(PinList.class, id);
    if (found == null) {
      throw new NotFoundException("PIN list " + id + " does not exist");
    }
    return found;
  }

  /** The list's PINs in clear, for the administrator who edits it. */
  public List<String> pinsOf(PinList list) {
    return list.pins(cipher);
  }

  public PinList create(PinListDraft draft, String actor) {
    check(draft, null);
    PinList created = new PinList(draft, cipher);
    em.persist(created);
    em.flush();
    changed(created, draft, EventType.PIN_LIST_CREATED, actor, "create");
    return created;
  }

  public PinList update(long id, Integer readVersion, PinListDraft draft, String actor) {
    PinList found = get(id);
    ConcurrentChangeException.check(readVersion, found.getVersion(), "PIN list " + found.getName());
    check(draft, id);
    found.apply(draft, cipher);
    em.flush();
    changed(found, draft, EventType.PIN_LIST_UPDATED, actor, "update");
    return found;
  }

  /** Refused while a route names the list. */
  public void delete(long id, String actor) {
    PinList found = get(id);
    List<String> routes =
        em.createNamedQuery("OutboundRoute.namesUsingPinList", String.class)
            .setParameter("listId", found.getId())
            .getResultList();
    if (!routes.isEmpty()) {
      throw new InUseException(
          "PIN list "
              + found.getName()
              + " is used by outbound route "
              + String.join(", ", routes)
              + "; remove it from there first. Nothing was deleted.");
    }
    em.remove(found);
    changes.fire(new RoutesChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.PIN_LIST_DELETED,
            null,
            actor,
            "delete",
            "PIN list " + found.getName()));
  }

  private void check(PinListDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && UniqueNames.takenByAnother(
            all(), PinList::getName, PinList::getId, draft.name(), self)) {
      violations.add(new FieldViolation("name", "A PIN list with this name exists"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void changed(
      PinList list, PinListDraft draft, EventType type, String actor, String action) {
    changes.fire(new RoutesChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            type,
            null,
            actor,
            action,
            "PIN list " + list.getName() + ": " + draft.pins().size() + " PINs"));
  }
}
