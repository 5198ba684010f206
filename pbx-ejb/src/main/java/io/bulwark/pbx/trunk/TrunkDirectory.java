package io.bulwark.pbx.trunk;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
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
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Every trunk in memory for SIP: peers by source address, register trunks with their credentials.
 * Loaded at start and again after each committed change, so a SIP thread never asks the database.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TrunkDirectory {

  private static final Logger LOG = Logger.getLogger(TrunkDirectory.class);

  /** The priority of observers of {@link TrunkChanged} that read the trunks as changed. */
  public static final int LOADED = Interceptor.Priority.APPLICATION + 100;

  private volatile Trunks current = Trunks.NONE;

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;

  @PostConstruct
  void load() {
    List<TrunkProfile> profiles =
        em.createNamedQuery("Trunk.all", Trunk.class).getResultList().stream()
            .map(t -> t.profile(cipher))
            .toList();
    current = Trunks.of(profiles, TrunkDirectory::resolve);
  }

  /**
   * The snapshot of now, for SIP threads: a field read, without the container proxy a call on this
   * bean would cost.
   */
  public Supplier<Trunks> trunks() {
    return () -> current;
  }

  /**
   * Runs after the change committed, in a transaction of its own (the committed one is over), and
   * before the observers that read the trunks ({@link #LOADED}).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void follow(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(LOADED - 1)
          TrunkChanged change) {
    load();
  }

  private static List<InetAddress> resolve(String host) {
    try {
      return Arrays.asList(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      LOG.warnf("Peer trunk host %s does not resolve; no request will match it", host);
      return List.of();
    }
  }
}
