package io.bulwark.pbx.defense;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The defenses in force, in memory for SIP and HTTP: blocks, rules and settings are loaded at start
 * and again after each committed change, so a datagram's check never asks the database. At the
 * first start, the networks the installer trusts ({@code BULWARK_TRUSTED_NETWORKS}) become Accept
 * rules, as the guide's default rules accept the LAN.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DefenseTable {

  private static final Logger LOG = Logger.getLogger(DefenseTable.class);

  /** Expired blocks stay listed this long, so that an administrator sees what happened. */
  static final Duration EXPIRED_KEPT = Duration.ofDays(1);

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private DefenseService defense;
  @Inject private DefenseRuleService rules;

  /** Automatic blocks waiting to be written down; a second's worth of a forged flood at most. */
  static final int MAX_WAITING = 10_000;

  private final ServicePorts ports = ServicePorts.from(System::getenv);
  private CountryDatabase countries;
  private KernelFirewall kernel;
  private final BlockingQueue<AutomaticBlock> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
  private final LongAdder unrecorded = new LongAdder();
  private Firewall firewall;

  @PostConstruct
  void start() {
    firewall =
        new Firewall(
            new BlockedSources(clock),
            clock,
            decided -> {
              if (!waiting.offer(decided)) {
                unrecorded.increment();
              }
            });
    countries = openCountries(System.getenv("BULWARK_GEOIP_DATABASE"));
    kernel = new KernelFirewall(clock);
    trustInstalledNetworks();
    load();
  }

  private static CountryDatabase openCountries(String file) {
    if (file == null || file.isBlank()) {
      LOG.warn("No country database (BULWARK_GEOIP_DATABASE): the country filter cannot be used");
      return null;
    }
    try {
      CountryDatabase opened = CountryDatabase.open(Path.of(file));
      LOG.infof("Country database: %s", opened.describe());
      return opened;
    } catch (UncheckedIOException e) {
      LOG.warnf("%s: the country filter cannot be used", e.getCause().getMessage());
      return null;
    }
  }

  @PreDestroy
  void stop() {
    synchronized (this) {
      kernel.remove();
    }
    if (countries != null) {
      countries.close();
    }
  }

  /** The country database, when one could be read. */
  public Optional<CountryDatabase> countries() {
    return Optional.ofNullable(countries);
  }

  /**
   * Loads what is in force. Loads run one at a time, so that a load never replaces what a later one
   * read.
   */
  synchronized void load() {
    List<Block> blocks =
        em.createNamedQuery("BlockEntry.inForce", BlockEntry.class)
            .setParameter("now", clock.instant())
            .getResultStream()
            .map(BlockEntry::block)
            .toList();
    firewall.blocked().replace(blocks);
    List<FirewallRule> statics =
        em.createNamedQuery("StaticRule.all", StaticRule.class)
            .getResultStream()
            .map(r -> r.rule(ports))
            .toList();
    List<RateRule> rates =
        em.createNamedQuery("AutoDefenseRule.all", AutoDefenseRule.class)
            .getResultStream()
            .map(r -> r.rule(ports))
            .toList();
    DefenseSettings settings = em.find(DefenseSettings.class, DefenseSettings.ID);
    firewall.configure(statics, rates, settings.policy());
    kernel.sync(
        settings.isKernelBackend(),
        statics,
        rates.stream().filter(r -> !watchedInProcess(r)).toList(),
        settings.getAutoBlockMinutes(),
        blocks);
    CountryDatabase database = countries;
    firewall.access(
        em.find(AccessSettings.class, AccessSettings.ID).policy(),
        database == null ? address -> Optional.empty() : database::countryOf);
    firewall.decoys(
        em.createNamedQuery("DecoyExtension.all", DecoyExtension.class)
            .getResultStream()
            .map(DecoyExtension::getNumber)
            .collect(Collectors.toSet()));
  }

  /** Whether the rule's ports include one a Bulwark listener serves, where it is counted. */
  private boolean watchedInProcess(RateRule rule) {
    return rule.ports().contains(ports.sip())
        || rule.ports().contains(ports.http())
        || rule.ports().contains(ports.https());
  }

  /** What the kernel backend did last: applied when, or why not. */
  public String kernelStatus() {
    KernelFirewall.Status status = kernel.status();
    if (status.problem() != null) {
      return "Not applied: " + status.problem();
    }
    return status.applied() ? "Applied at " + status.at() : "Off";
  }

  /** Packets of blocked sources the kernel dropped since its table was made. */
  public long kernelBlockedPackets() {
    return kernel.blockedPackets();
  }

  /** The firewall in force; its checks take no lock and no container proxy. */
  public Firewall firewall() {
    return firewall;
  }

  /** The ports the rules' services stand for here. */
  public ServicePorts ports() {
    return ports;
  }

  /** Runs after the change committed, in a transaction of its own (the committed one is over). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) DefenseChanged change) {
    load();
  }

  /**
   * Writes down the automatic blocks decided since the last second, all in one transaction, so that
   * a flood of them costs one write and one reload a second, not one each.
   */
  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void recordDecided() {
    List<AutomaticBlock> decided = new ArrayList<>();
    waiting.drainTo(decided);
    long lost = unrecorded.sumThenReset();
    if (lost > 0) {
      LOG.warnf(
          "%d automatic blocks were decided faster than they could be written down: they are in"
              + " force but not listed",
          lost);
    }
    if (!decided.isEmpty()) {
      defense.record(decided);
    }
  }

  /** Forgets quiet sources' counts, and blocks that expired a day ago. */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void sweep() {
    firewall.sweep();
    int removed =
        em.createNamedQuery("BlockEntry.expiredBefore")
            .setParameter("before", clock.instant().minus(EXPIRED_KEPT))
            .executeUpdate();
    if (removed > 0) {
      LOG.infof("Removed %d blocks that expired more than a day ago", removed);
    }
  }

  private static boolean isNetwork(String text) {
    try {
      CidrBlock.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      LOG.errorf("BULWARK_TRUSTED_NETWORKS: %s is not an address or network; ignored", text);
      return false;
    }
  }

  private void trustInstalledNetworks() {
    DefenseSettings settings = em.find(DefenseSettings.class, DefenseSettings.ID);
    if (settings.isTrustedSeeded()) {
      return;
    }
    String networks = System.getenv("BULWARK_TRUSTED_NETWORKS");
    if (networks != null) {
      Arrays.stream(networks.split(","))
          .map(String::strip)
          .filter(n -> !n.isEmpty())
          .distinct()
          .filter(DefenseTable::isNetwork)
          .forEach(rules::trustAtInstall);
    }
    settings.trustedSeeded();
  }
}
