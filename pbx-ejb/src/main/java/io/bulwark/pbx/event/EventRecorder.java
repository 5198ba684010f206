package io.bulwark.pbx.event;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stores every {@link SecurityEvent} and writes it to the security log. Events arrive
 * asynchronously so that a flood of rejected requests does not make the SIP answers wait for the
 * database.
 */
@Stateless
public class EventRecorder {

  @PersistenceContext private EntityManager em;
  @Inject private SecurityLog securityLog;
  @Inject private EventSettings settings;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(@ObservesAsync SecurityEvent event) {
    securityLog.write(event);
    em.persist(new EventLogEntry(event, settings.of(event.type()).getLevel()));
  }

  /** Records events the {@link SecurityEventGate} aggregated, in one transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordAll(List<SecurityEvent> events) {
    Map<EventType, EventType.Severity> levels = new EnumMap<>(EventType.class);
    for (SecurityEvent event : events) {
      securityLog.write(event);
      EventType.Severity level =
          levels.computeIfAbsent(event.type(), type -> settings.of(type).getLevel());
      em.persist(new EventLogEntry(event, level));
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int deleteOlderThan(Instant cutoff) {
    return em.createNamedQuery("EventLogEntry.deleteOlderThan")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}
