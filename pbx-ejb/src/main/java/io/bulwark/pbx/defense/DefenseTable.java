package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.SipPortListeners;
import io.bulwark.pbx.system.SipPorts;
import io.bulwark.pbx.system.SipPortsService;
import io.bulwark.pbx.system.SshPort;
import io.bulwark.pbx.system.SshPortMoved;
import io.bulwark.pbx.system.WebPortsMoved;
import io.bulwark.pbx.system.WebPortsService;
import io.bulwark.pbx.trunk.TrunkChanged;
import io.bulwark.pbx.trunk.TrunkDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
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
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
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
@DependsOn({"SchemaMigration", "TrunkDirectory"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DefenseTable {

  private static final Logger LOG = Logger.getLogger(DefenseTable.class);

  /** Expired blocks stay listed this long, so that an administrator sees what happened. */
  static final Duration EXPIRED_KEPT = Duration.ofDays(1);

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private DefenseService defense;
  @Inject private DefenseRuleService rules;
  @Inject private TrunkDirectory trunks;
  @Inject private SipPortsService sipPorts;
  @Inject private SipPortListeners sipPortListeners;
  @Inject private WebPortsService webPorts;

  /** Automatic blocks waiting to be written down; a second's worth of a forged flood at most. */
  static final int MAX_WAITING = 10_000;

  private volatile ServicePorts ports;
  private final Consumer<SipPorts> sipMoved = this::sipMoved;
  private CountryDatabase countries;
  private KernelFirewall kernel;
  private ResolvedNames names;
  private CountryNetworks allowedNetworks = new CountryNetworks(Set.of(), List.of());
  private final BlockingQueue<AutomaticBlock> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
  private final LongAdder unrecorded = new LongAdder();
  private Firewall firewall;

  @PostConstruct
  void start() {
    ports =
        ServicePorts.from(System::getenv)
            .withSip(sipPorts.inForce())
            .withWeb(webPorts.inForce())
            .withSsh(SshPort.inForce());
    sipPortListeners.add(sipMoved);
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
    names = ResolvedNames.system(clock);
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
    sipPortListeners.remove(sipMoved);
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
            .map(this::firewallRule)
            .toList();
    List<RateRule> rates =
        em.createNamedQuery("AutoDefenseRule.all", AutoDefenseRule.class)
            .getResultStream()
            .map(r -> r.rule(ports))
            .toList();
    DefenseSettings settings = em.find(DefenseSettings.class, DefenseSettings.ID);
    firewall.configure(
        statics,
        rates,
        settings.policy(em.find(LoginLockoutSettings.class, LoginLockoutSettings.ID).lockout()));
    AccessPolicy access = em.find(AccessSettings.class, AccessSettings.ID).policy();
    CountryDatabase database = countries;
    firewall.access(access, database == null ? address -> Optional.empty() : database::countryOf);
    kernel.sync(
        settings.isKernelBackend(),
        statics,
        rates.stream().filter(r -> !watchedInProcess(r)).toList(),
        settings.getAutoBlockMinutes(),
        blocks,
        settings.isKernelBackend() ? kernelAccess(access) : KernelAccess.NONE);
    firewall.decoys(
        em.createNamedQuery("DecoyExtension.all", DecoyExtension.class)
            .getResultStream()
            .map(DecoyExtension::getNumber)
            .collect(Collectors.toSet()));
  }

  /** {@code rule} as the firewall applies it, its domain name as it was last looked up. */
  public FirewallRule firewallRule(StaticRule rule) {
    return rule.rule(ports, name -> names.of(name).networks());
  }

  /**
   * What a static rule's source stands for, when that is not plain: the addresses of a domain name
   * at its last look-up, or that a MAC address is matched by the kernel only; null for an address
   * or network.
   */
  public String sourceNote(StaticRule rule) {
    RuleSource source = rule.source();
    if (source instanceof RuleSource.HostName host) {
      ResolvedNames.Resolution found = names.of(host.name());
      return found.networks().isEmpty()
          ? found.problem() + " (looked up at " + found.at() + "): the rule matches nothing"
          : "Stands for "
              + found.networks().stream().map(CidrBlock::toString).collect(Collectors.joining(", "))
              + " (looked up at "
              + found.at()
              + ")";
    }
    if (source instanceof RuleSource.MacAddress) {
      return kernel.status().applied()
          ? "Matched by the kernel backend, for hosts on the server's own links"
          : "Matched only by the kernel backend, which is not applied: the rule matches nothing";
    }
    return null;
  }

  /**
   * Looks the static rules' domain names up again, and applies what they stand for now when that
   * changed. Off the packets' path: a slow name server delays only this.
   */
  @Schedule(hour = "*", minute = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void resolveNames() {
    List<String> hostNames =
        em.createNamedQuery("StaticRule.all", StaticRule.class)
            .getResultStream()
            .map(StaticRule::source)
            .filter(RuleSource.HostName.class::isInstance)
            .map(RuleSource::text)
            .distinct()
            .toList();
    if (names.refresh(hostNames)) {
      LOG.infof("The addresses of %s changed; the static rules apply the new ones", hostNames);
      load();
    }
  }

  /** The networks of a set of countries, kept while the allowed countries stay the same. */
  private record CountryNetworks(Set<String> countries, List<CidrBlock> networks) {}

  /** The kernel's share of trunk providers, blocklist, country filter and allowlist mode. */
  private KernelAccess kernelAccess(AccessPolicy access) {
    List<CidrBlock> allowed = null;
    if (access.countryFilter() && countries != null) {
      if (!allowedNetworks.countries().equals(access.allowedCountries())) {
        allowedNetworks =
            new CountryNetworks(
                access.allowedCountries(), countries.networksOf(access.allowedCountries()));
      }
      allowed = allowedNetworks.networks();
    }
    return new KernelAccess(
        ports.served(),
        trunks.trunks().get().providerAddresses().stream()
            .map(CidrBlock::of)
            .sorted(CidrBlock.TEXT_ORDER)
            .toList(),
        firewall.blocklist(),
        allowed,
        access.allowlistOnly());
  }

  /** Applies a new global blocklist, in process at once and then in the kernel. */
  public void useBlocklist(AddressSet addresses) {
    firewall.blocklist(addresses);
    load();
  }

  /** Trunk providers are trusted as an Accept rule is, in the kernel too. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void followTrunks(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(TrunkDirectory.LOADED)
          TrunkChanged change) {
    load();
  }

  /** The rules for HTTP and HTTPS follow the portal to its new ports once the move is kept. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void followWebPorts(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) WebPortsMoved moved) {
    ports = ports.withWeb(moved.ports());
    load();
  }

  /** The rules for SSH follow it to its new port. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void followSshPort(@Observes(during = TransactionPhase.AFTER_SUCCESS) SshPortMoved moved) {
    ports = ports.withSsh(moved.port());
    load();
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

  /** The rules for SIP follow it to its new ports, in the transaction that moves it. */
  private void sipMoved(SipPorts moved) {
    ports = ports.withSip(moved);
    load();
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
