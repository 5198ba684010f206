package io.bulwark.pbx.audit;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Writes down the audit entries of each committed transaction, in a transaction of its own. */
@Stateless
public class AuditRecorder {

  @PersistenceContext private EntityManager em;

  public void record(@ObservesAsync AuditBatch batch) {
    batch.entries().forEach(em::persist);
  }
}
