package io.bulwark.pbx.callpolicy;

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
 * Creates, changes and removes custom outbound call frequency rules; each change is validated and
 * is an event, and a rule extensions follow cannot be removed.
 */
@Stateless
public class FrequencyRuleService {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<CallPolicyChanged> changes;

  public List<FrequencyRule> all() {
    return em.createNamedQuery("FrequencyRule.all", FrequencyRule.class).getResultList();
  }

  public FrequencyRule get(long id) {
    FrequencyRule found = em.find(FrequencyRule.class, id);
    if (found == null) {
      throw new NotFoundException("Frequency rule " + id + " does not exist");
    }
    return found;
  }

  public FrequencyRule create(FrequencyRuleDraft draft, String actor) {
    check(draft, null);
    FrequencyRule created = new FrequencyRule(draft);
    em.persist(created);
    em.flush();
    changed(EventType.FREQUENCY_RULE_CREATED, actor, "create", describe(created));
    return created;
  }

  public FrequencyRule update(
      long id, Integer readVersion, FrequencyRuleDraft draft, String actor) {
    FrequencyRule found = get(id);
    ConcurrentChangeException.check(
        readVersion, found.getVersion(), "Frequency rule " + found.getName());
    check(draft, id);
    found.apply(draft);
    em.flush();
    changed(EventType.FREQUENCY_RULE_UPDATED, actor, "update", describe(found));
    return found;
  }

  /** Refused while an extension follows the rule. */
  public void delete(long id, String actor) {
    FrequencyRule found = get(id);
    List<String> followers =
        em.createNamedQuery("Extension.numbersFollowingFrequencyRule", String.class)
            .setParameter("ruleId", found.getId())
            .getResultList();
    if (!followers.isEmpty()) {
      throw new InUseException(
          "Frequency rule "
              + found.getName()
              + " is followed by extension "
              + String.join(", ", followers)
              + "; give them another rule first. Nothing was deleted.");
    }
    em.remove(found);
    changed(EventType.FREQUENCY_RULE_DELETED, actor, "delete", describe(found));
  }

  private void check(FrequencyRuleDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && UniqueNames.takenByAnother(
            all(), FrequencyRule::getName, FrequencyRule::getId, draft.name(), self)) {
      violations.add(new FieldViolation("name", "A frequency rule with this name exists"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void changed(EventType type, String actor, String action, String detail) {
    changes.fire(new CallPolicyChanged());
    events.fireAsync(new SecurityEvent(clock.instant(), type, null, actor, action, detail));
  }

  private static String describe(FrequencyRule rule) {
    return "frequency rule "
        + rule.getName()
        + ": "
        + rule.getCalls()
        + " calls in "
        + rule.getSeconds()
        + " s";
  }
}
