package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEventGate;
import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionChanged;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.officehours.OfficeCalendar;
import io.bulwark.pbx.officehours.OfficeHours;
import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.routing.OutboundRouting;
import io.bulwark.pbx.routing.RoutingTable;
import jakarta.annotation.PostConstruct;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The call policy in force, in memory for the SIP threads: made at start and again after each
 * committed change, so that judging a call never asks the database.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "RoutingTable", "SecurityEventGate"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CallPolicyTable {

  @PersistenceContext private EntityManager em;
  @Inject private RoutingTable routing;
  @Inject private Clock clock;
  @Inject private SecurityEventGate eventGate;
  @Inject private ExtensionService extensions;

  /** What extensions spent lately: kept over changes of the policy, read again at start. */
  private final SpendLedger ledger = new SpendLedger();

  private volatile CallPolicy current = CallPolicy.routesOnly();
  private volatile OfficeHours hours = OfficeHours.ALWAYS;

  /** The extensions with a call restriction on, kept so that one extension's change is cheap. */
  private Map<String, OutboundRestrictions> restricted = Map.of();

  @PostConstruct
  synchronized void load() {
    fillLedger();
    restricted =
        em.createNamedQuery("Extension.restricted", Extension.class)
            .getResultStream()
            .collect(Collectors.toMap(Extension::getNumber, Extension::getRestrictions));
    rebuild();
  }

  /**
   * The outbound calls of the last 30 days from the call records: a call that reached a trunk from
   * an extension was placed, and its billed seconds were spent.
   */
  private void fillLedger() {
    String prefix =
        em.find(CallSecuritySettings.class, CallSecuritySettings.ID).getInternationalPrefix();
    Instant since = clock.instant().minus(SpendLedger.MEMORY);
    List<Object[]> calls =
        em.createQuery(
                "select r.caller, r.callee, r.startedAt, r.endedAt, r.billableSeconds"
                    + " from CallRecordEntry r where r.trunk is not null and r.startedAt >= :since"
                    + " and r.caller in (select e.number from Extension e) order by r.startedAt",
                Object[].class)
            .setParameter("since", since)
            .getResultList();
    for (Object[] call : calls) {
      ledger.placed(
          (String) call[0], International.callingCode((String) call[1], prefix), (Instant) call[2]);
    }
    // The ledger keeps what was spent in the order it ended.
    calls.stream()
        .filter(call -> call[3] != null)
        .sorted(Comparator.comparing(call -> (Instant) call[3]))
        .forEach(call -> ledger.spent((String) call[0], (Long) call[4], (Instant) call[3]));
  }

  /**
   * A suspicion of toll fraud: an alert, and when the guard blocks, the extension's outbound calls
   * disabled. Called on SIP threads: the event is counted and the change is asynchronous.
   */
  private void alarm(Suspicion suspicion) {
    eventGate
        .throttle()
        .offer(
            new SecurityEvent(
                suspicion.at(),
                EventType.TOLL_FRAUD_SUSPECTED,
                null,
                suspicion.extension(),
                suspicion.blocked() ? "block" : "alert",
                suspicion.why() + " (dialled " + suspicion.dialled() + ")"),
            "suspicion " + suspicion.extension());
    if (suspicion.blocked()) {
      extensions.disableOutboundCalls(
          suspicion.extension(), "suspected toll fraud: " + suspicion.why());
    }
  }

  /** Makes the chain again from the restrictions kept and what the database says now. */
  private void rebuild() {
    List<DialPattern> blocked =
        em.createNamedQuery("BlockedNumber.all", BlockedNumber.class)
            .getResultStream()
            .flatMap(b -> b.dialPatterns().stream())
            .toList();
    CallSecuritySettings settings = em.find(CallSecuritySettings.class, CallSecuritySettings.ID);
    hours = em.find(OfficeCalendar.class, OfficeCalendar.ID).hours();
    Map<Long, FrequencyLimit> rules =
        em.createNamedQuery("FrequencyRule.all", FrequencyRule.class)
            .getResultStream()
            .collect(Collectors.toMap(FrequencyRule::getId, FrequencyRule::limit));
    Map<String, FrequencyLimit> custom = new HashMap<>();
    restricted.forEach(
        (number, r) -> {
          if (r.getFrequencyRuleId() != null && rules.containsKey(r.getFrequencyRuleId())) {
            custom.put(number, rules.get(r.getFrequencyRuleId()));
          }
        });
    current =
        CallPolicy.builder()
            .restricted(restricted)
            .internationalPrefix(settings.getInternationalPrefix())
            .blockedNumbers(blocked)
            .frequency(settings.frequency())
            .customFrequencies(custom)
            .allowedCountryCodes(settings.countryCodesInForce())
            .maxCall(Duration.ofSeconds(settings.getMaxCallSeconds()))
            .officeHours(hours)
            .spendGuard(
                em.find(SpendGuardSettings.class, SpendGuardSettings.ID).limits(),
                ledger,
                this::alarm)
            .clock(clock)
            .build();
  }

  /** The policy of now, for SIP threads: a field read, without the container proxy. */
  public Supplier<CallPolicy> policy() {
    return () -> current;
  }

  /**
   * What would happen at {@code at} to a call from extension {@code caller} to {@code dialled},
   * rule by rule: "Why was this call denied?".
   */
  public CallCheck check(String caller, String dialled, Instant at) {
    OutboundRouting.Lookup found = routing.outbound().get().lookup(caller, dialled);
    if (!found.taken()) {
      return new CallCheck(false, null, null, List.of());
    }
    CallAttempt attempt = CallAttempt.of(caller, dialled, found.decision(), at);
    return new CallCheck(
        true,
        found.decision() == null ? null : found.decision().routeName(),
        attempt.number(),
        current.explain(attempt));
  }

  /**
   * The instant {@code text} names: {@code 2026-12-24T22:00} in the office's time zone, or with an
   * offset or Z; empty when it is neither.
   */
  public Optional<Instant> instantOf(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(text.strip()).atZone(hours.zone()).toInstant());
      } catch (DateTimeParseException notLocal) {
        return Optional.empty();
      }
    }
  }

  /** Now. */
  public Instant now() {
    return clock.instant();
  }

  /**
   * @param routed whether any outbound route takes the number (without one the call gets 404)
   * @param route the route the caller's call would take, null for none it may use
   * @param sentNumber what that route would send to its trunk
   * @param judgements every rule's verdict, in the chain's order
   */
  public record CallCheck(
      boolean routed, String route, String sentNumber, List<CallPolicy.Judgement> judgements) {}

  /** What all extensions spent on outbound calls in the windows that end now. */
  public SpendLedger.Usage totalSpend() {
    return ledger.total(clock.instant());
  }

  /** The extensions at their outbound call frequency limit now, by extension. */
  public List<FrequencyHold> frequencyHolds() {
    return current.frequencyHolds().stream()
        .sorted(Comparator.comparing(FrequencyHold::extension))
        .toList();
  }

  /** Forgets the extensions that placed no call lately. */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    current.sweep();
    ledger.sweep(clock.instant());
  }

  /** Runs after the change committed, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public synchronized void follow(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CallPolicyChanged change) {
    rebuild();
  }

  /**
   * An extension's call restrictions may have changed: it alone is read again (10,000 extensions
   * provisioned are 10,000 lookups by number, not 10,000 reads of the whole table), and the chain
   * is made again only when they did change.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public synchronized void followExtensions(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ExtensionChanged change) {
    OutboundRestrictions now =
        change.deleted()
            ? null
            : em.createNamedQuery("Extension.byNumber", Extension.class)
                .setParameter("number", change.number())
                .getResultStream()
                .map(Extension::getRestrictions)
                .filter(OutboundRestrictions::restricts)
                .findFirst()
                .orElse(null);
    if (Objects.equals(restricted.get(change.number()), now)) {
      return;
    }
    Map<String, OutboundRestrictions> changed = new HashMap<>(restricted);
    if (now == null) {
      changed.remove(change.number());
    } else {
      changed.put(change.number(), now);
    }
    restricted = Map.copyOf(changed);
    rebuild();
  }
}
