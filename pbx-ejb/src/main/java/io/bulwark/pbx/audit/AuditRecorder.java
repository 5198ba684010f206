package io.bulwark.pbx.audit;

import io.bulwark.pbx.event.EventRetention;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Writes down the audit entries of each committed transaction, in a transaction of its own, and
 * removes those older than the logs are kept ({@code BULWARK_EVENT_RETENTION_DAYS}).
 */
@Stateless
public class AuditRecorder {

  private static final Logger LOG = Logger.getLogger(AuditRecorder.class);

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  public void record(@ObservesAsync AuditBatch batch) {
    batch.entries().forEach(em::persist);
  }

  @Schedule(hour = "*", minute = "19", persistent = false)
  void applyRetention() {
    Duration retention = EventRetention.fromEnvironment();
    int removed =
        em.createQuery("delete from AuditEntry a where a.occurredAt < :cutoff")
            .setParameter("cutoff", clock.instant().minus(retention))
            .executeUpdate();
    if (removed > 0) {
      LOG.infof("Audit log: %d entries older than %d days removed", removed, retention.toDays());
    }
  }
}
