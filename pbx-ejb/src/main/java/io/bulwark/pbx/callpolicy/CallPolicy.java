package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.defense.RateLimit;
import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.officehours.OfficeHours;
import io.bulwark.pbx.routing.DialPattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The chain every outbound call passes, in order: the first rule that denies decides. Immutable, so
 * SIP threads share it; a change of configuration makes a new one.
 */
public final class CallPolicy {

  /** A rule's verdict on a call. */
  public record Judgement(String rule, Verdict verdict) {}

  /** The guide's default Max Call Duration: three hours. */
  public static final Duration DEFAULT_MAX_CALL = Duration.ofSeconds(10_800);

  private final List<CallRule> rules;
  private final Duration maxCall;
  private final Map<String, OutboundRestrictions> restricted;
  private final SpendLedger ledger;

  /** Route permission alone: what a PBX without call security settings checks. */
  public static CallPolicy routesOnly() {
    return builder().routesOnly();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes the chain in its order: route permission, the route's time condition, its PIN, the
   * extensions' call restrictions, the allowed country codes when the protection is on, the blocked
   * numbers, then, when the default rule is on or an extension follows a custom one, the outbound
   * call frequency of each extension, and last, when it is given, the spend guard.
   */
  public static final class Builder {
    private Map<String, OutboundRestrictions> restricted = Map.of();
    private String internationalPrefix = "00";
    private List<DialPattern> blockedNumbers = List.of();
    private RateLimit frequency;
    private Map<String, FrequencyLimit> customFrequencies = Map.of();
    private Set<String> allowedCountryCodes;
    private Duration maxCall = DEFAULT_MAX_CALL;
    private OfficeHours hours = OfficeHours.ALWAYS;
    private SpendLimits spendLimits;
    private SpendLedger ledger;
    private Consumer<Suspicion> alarms;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The extensions with a call restriction on, by number. */
    public Builder restricted(Map<String, OutboundRestrictions> restricted) {
      this.restricted = Map.copyOf(restricted);
      return this;
    }

    /** What a number dialled abroad begins with here. */
    public Builder internationalPrefix(String internationalPrefix) {
      this.internationalPrefix = internationalPrefix;
      return this;
    }

    public Builder blockedNumbers(List<DialPattern> blockedNumbers) {
      this.blockedNumbers = List.copyOf(blockedNumbers);
      return this;
    }

    /** Each extension's outbound calls at most so many in so long; null for no limit. */
    public Builder frequency(RateLimit frequency) {
      this.frequency = frequency;
      return this;
    }

    /** The custom frequency rule each extension that has one follows instead, by number. */
    public Builder customFrequencies(Map<String, FrequencyLimit> customFrequencies) {
      this.customFrequencies = Map.copyOf(customFrequencies);
      return this;
    }

    /**
     * With the dialing protection on, the calling codes (as digits, {@code 1242}) a number dialled
     * abroad may begin with; null when it is off.
     */
    public Builder allowedCountryCodes(Set<String> allowedCountryCodes) {
      this.allowedCountryCodes =
          allowedCountryCodes == null ? null : Set.copyOf(allowedCountryCodes);
      return this;
    }

    /** The business hours and holidays routes and restrictions read. */
    public Builder officeHours(OfficeHours hours) {
      this.hours = hours;
      return this;
    }

    /**
     * The spend guard, last in the chain, with what was spent lately and who hears of a suspicion
     * of toll fraud.
     */
    public Builder spendGuard(
        SpendLimits spendLimits, SpendLedger ledger, Consumer<Suspicion> alarms) {
      this.spendLimits = spendLimits;
      this.ledger = ledger;
      this.alarms = alarms;
      return this;
    }

    /** How long any call may last. */
    public Builder maxCall(Duration maxCall) {
      this.maxCall = maxCall;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public CallPolicy build() {
      List<CallRule> rules = new ArrayList<>();
      rules.add(new PermittedRoute());
      rules.add(new RouteTimeCondition(hours));
      rules.add(new RoutePinRule());
      rules.add(new ExtensionRestriction(restricted, internationalPrefix, hours));
      if (allowedCountryCodes != null) {
        rules.add(
            new AllowedCountryCodes(
                CallingCodes.shipped(), allowedCountryCodes, internationalPrefix));
      }
      rules.add(new BlockedNumbers(blockedNumbers));
      if (frequency != null || !customFrequencies.isEmpty()) {
        rules.add(
            new CallFrequency(
                frequency == null
                    ? null
                    : new FrequencyLimit(FrequencyLimit.DEFAULT_NAME, frequency),
                customFrequencies,
                clock));
      }
      if (ledger != null) {
        rules.add(
            new SpendGuard(
                spendLimits, ledger, CallingCodes.shipped(), internationalPrefix, hours, alarms));
      }
      return new CallPolicy(rules, maxCall, restricted, ledger);
    }

    private CallPolicy routesOnly() {
      return new CallPolicy(List.of(new PermittedRoute()), maxCall, Map.of(), null);
    }
  }

  private CallPolicy(
      List<CallRule> rules,
      Duration maxCall,
      Map<String, OutboundRestrictions> restricted,
      SpendLedger ledger) {
    this.rules = List.copyOf(rules);
    this.maxCall = maxCall;
    this.restricted = restricted;
    this.ledger = ledger;
  }

  /** An outbound call of {@code caller} ended at {@code at} after {@code seconds} billed. */
  public void spent(String caller, long seconds, Instant at) {
    if (ledger != null) {
      ledger.spent(caller, seconds, at);
    }
  }

  /**
   * How long a call may last once answered: the global maximum, or for an outbound call of an
   * extension with a shorter maximum of its own, that one.
   *
   * @param caller the extension placing the call, null for a call from a trunk
   */
  public Duration maxDuration(String caller, boolean outbound) {
    OutboundRestrictions own = caller == null || !outbound ? null : restricted.get(caller);
    if (own == null || own.getMaxOutboundSeconds() == null) {
      return maxCall;
    }
    Duration limit = Duration.ofSeconds(own.getMaxOutboundSeconds());
    return limit.compareTo(maxCall) < 0 ? limit : maxCall;
  }

  /** The extensions at their outbound call frequency limit now. */
  public List<FrequencyHold> frequencyHolds() {
    return rules.stream()
        .filter(CallFrequency.class::isInstance)
        .flatMap(rule -> ((CallFrequency) rule).holds().stream())
        .toList();
  }

  /** Forgets what counting rules no longer need; call every few seconds. */
  public void sweep() {
    for (CallRule rule : rules) {
      if (rule instanceof CallFrequency frequency) {
        frequency.sweep();
      }
    }
  }

  /**
   * The first denial; when no rule denies, the first PIN challenge; else an allowance naming no
   * rule.
   */
  public Judgement decide(CallAttempt attempt) {
    Judgement challenged = null;
    for (CallRule rule : rules) {
      Verdict verdict = rule.judge(attempt);
      if (!verdict.allowed()) {
        return new Judgement(rule.name(), verdict);
      }
      if (verdict.challenges() && challenged == null) {
        challenged = new Judgement(rule.name(), verdict);
      }
    }
    return challenged != null ? challenged : new Judgement(null, Verdict.allow());
  }

  /** Every rule's verdict on the call, in the chain's order: what "Why was it denied?" shows. */
  public List<Judgement> explain(CallAttempt attempt) {
    List<Judgement> all = new ArrayList<>();
    for (CallRule rule : rules) {
      all.add(new Judgement(rule.name(), rule.peek(attempt)));
    }
    return all;
  }
}
