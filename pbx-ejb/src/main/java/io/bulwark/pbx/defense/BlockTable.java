package io.bulwark.pbx.defense;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The blocks in force, in memory for SIP and HTTP: loaded at start and again after each committed
 * change, so a datagram's check never asks the database.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BlockTable {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  private BlockedSources blocked;

  @PostConstruct
  void load() {
    if (blocked == null) {
      blocked = new BlockedSources(clock);
    }
    blocked.replace(
        em.createNamedQuery("BlockEntry.inForce", BlockEntry.class)
            .setParameter("now", clock.instant())
            .getResultStream()
            .map(BlockEntry::block)
            .toList());
  }

  /** The blocks in force; its lookups take no lock and no container proxy. */
  public BlockedSources blocked() {
    return blocked;
  }

  /** Runs after the change committed, in a transaction of its own (the committed one is over). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) BlocksChanged change) {
    load();
  }
}
