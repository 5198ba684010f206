package io.bulwark.pbx.trunk;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.SecretCipher;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Creates, changes and removes trunks. Every change is validated first and audited. */
@Stateless
public class TrunkService {

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<TrunkChanged> changes;

  public List<Trunk> all() {
    return em.createNamedQuery("Trunk.all", Trunk.class).getResultList();
  }

  public Trunk get(long id) {
    Trunk trunk = em.find(Trunk.class, id);
    if (trunk == null) {
      throw new NotFoundException("Trunk " + id + " does not exist");
    }
    return trunk;
  }

  public Trunk create(TrunkDraft draft, String actor) {
    check(draft, false, null);
    Trunk trunk = new Trunk(draft, draft.hasPassword() ? cipher.encrypt(draft.password()) : null);
    em.persist(trunk);
    changes.fire(new TrunkChanged(trunk.getId(), trunk.getName(), false));
    audit(EventType.TRUNK_CREATED, trunk, actor, "create");
    return trunk;
  }

  /**
   * Changes a trunk as the draft says. With {@code readVersion}, the version the change was made
   * from, a change saved since by someone else refuses it; without it the last save wins.
   */
  public Trunk update(long id, Integer readVersion, TrunkDraft draft, String actor) {
    Trunk trunk = get(id);
    if (readVersion != null && readVersion != trunk.getVersion()) {
      throw new ConcurrentChangeException(
          "Trunk "
              + trunk.getName()
              + " was changed by someone else since you opened it. Open it again to see the"
              + " changes; nothing was saved.");
    }
    check(draft, trunk.hasPassword(), trunk.getId());
    trunk.apply(draft, draft.hasPassword() ? cipher.encrypt(draft.password()) : null);
    em.flush(); // the version check of the database, before anyone hears of the change
    changes.fire(new TrunkChanged(trunk.getId(), trunk.getName(), false));
    audit(EventType.TRUNK_UPDATED, trunk, actor, draft.hasPassword() ? "update+secret" : "update");
    return trunk;
  }

  /** Refused while an outbound route sends through the trunk, so no route is left half-working. */
  public void delete(long id, String actor) {
    Trunk trunk = get(id);
    List<String> routes =
        em.createNamedQuery("OutboundRoute.namesUsingTrunk", String.class)
            .setParameter("trunkId", trunk.getId())
            .getResultList();
    if (!routes.isEmpty()) {
      throw new InUseException(
          "Trunk "
              + trunk.getName()
              + " is used by outbound route "
              + String.join(", ", routes)
              + "; remove it from there first. Nothing was deleted.");
    }
    em.remove(trunk);
    changes.fire(new TrunkChanged(trunk.getId(), trunk.getName(), true));
    audit(EventType.TRUNK_DELETED, trunk, actor, "delete");
  }

  private void check(TrunkDraft draft, boolean passwordStored, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations(passwordStored));
    if (violations.isEmpty()
        && em.createNamedQuery("Trunk.byName", Trunk.class)
            .setParameter("name", draft.name())
            .getResultStream()
            .anyMatch(t -> !t.getId().equals(self))) {
      violations.add(new FieldViolation("name", "Trunk " + draft.name() + " already exists"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void audit(EventType type, Trunk trunk, String actor, String action) {
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            type,
            null,
            actor,
            action,
            "trunk " + trunk.getName() + " (" + trunk.getKind() + " " + trunk.getHost() + ")"));
  }
}
