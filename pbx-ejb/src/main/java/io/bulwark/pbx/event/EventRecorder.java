package io.bulwark.pbx.event;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Stores every {@link SecurityEvent} and writes it to the security log. Events arrive
 * asynchronously so that a flood of rejected requests does not make the SIP answers wait for the
 * database.
 */
@Stateless
public class EventRecorder {

  private static final Logger SECURITY_LOG = Logger.getLogger("io.bulwark.security");

  @PersistenceContext private EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(@ObservesAsync SecurityEvent event) {
    SECURITY_LOG.info(event.logLine());
    em.persist(new EventLogEntry(event));
  }

  /** Records events the {@link SecurityEventGate} aggregated, in one transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordAll(List<SecurityEvent> events) {
    for (SecurityEvent event : events) {
      SECURITY_LOG.info(event.logLine());
      em.persist(new EventLogEntry(event));
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int deleteOlderThan(Instant cutoff) {
    return em.createNamedQuery("EventLogEntry.deleteOlderThan")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}
