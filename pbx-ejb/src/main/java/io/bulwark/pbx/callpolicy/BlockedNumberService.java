package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
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

/** Creates, changes and removes blocked numbers; each change is validated and is an event. */
@Stateless
public class BlockedNumberService {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<CallPolicyChanged> changes;

  public List<BlockedNumber> all() {
    return em.createNamedQuery("BlockedNumber.all", BlockedNumber.class).getResultList();
  }

  public BlockedNumber get(long id) {
    BlockedNumber found = em.find(BlockedNumber.class, id);
    if (found == null) {
      throw new NotFoundException("Blocked numbers " + id + " do not exist");
    }
    return found;
  }

  public BlockedNumber create(BlockedNumberDraft draft, String actor) {
    check(draft, null);
    BlockedNumber created = new BlockedNumber(draft);
    em.persist(created);
    em.flush();
    changed(EventType.BLOCKED_NUMBER_CREATED, actor, "create", describe(created));
    return created;
  }

  public BlockedNumber update(
      long id, Integer readVersion, BlockedNumberDraft draft, String actor) {
    BlockedNumber found = get(id);
    ConcurrentChangeException.check(
        readVersion, found.getVersion(), "Blocked numbers " + found.getName());
    check(draft, id);
    found.apply(draft);
    em.flush();
    changed(EventType.BLOCKED_NUMBER_UPDATED, actor, "update", describe(found));
    return found;
  }

  public void delete(long id, String actor) {
    BlockedNumber found = get(id);
    em.remove(found);
    changed(EventType.BLOCKED_NUMBER_DELETED, actor, "delete", describe(found));
  }

  private void check(BlockedNumberDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && UniqueNames.takenByAnother(
            all(), BlockedNumber::getName, BlockedNumber::getId, draft.name(), self)) {
      violations.add(new FieldViolation("name", "Blocked numbers with this name exist"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void changed(EventType type, String actor, String action, String detail) {
    changes.fire(new CallPolicyChanged());
    events.fireAsync(new SecurityEvent(clock.instant(), type, null, actor, action, detail));
  }

  private static String describe(BlockedNumber blocked) {
    return "blocked numbers " + blocked.getName() + ": " + String.join(" ", blocked.getPatterns());
  }
}
