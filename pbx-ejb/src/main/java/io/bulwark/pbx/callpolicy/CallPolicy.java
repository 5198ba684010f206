package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.defense.RateLimit;
import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.routing.DialPattern;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chain every outbound call passes, in order: the first rule that denies decides. Immutable, so
 * SIP threads share it; a change of configuration makes a new one.
 */
public final class CallPolicy {

  /** A rule's verdict on a call. */
  public record Judgement(String rule, Verdict verdict) {}

  private final List<CallRule> rules;

  /** Route permission alone: what a PBX without call security settings checks. */
  public static CallPolicy routesOnly() {
    return new CallPolicy(List.of(new PermittedRoute()));
  }

  /**
   * The chain in its order: route permission, the extensions' call restrictions, the blocked
   * numbers, then, when {@code frequency} is not null, the outbound call frequency of each
   * extension.
   *
   * @param restricted the extensions with a call restriction on, by number
   * @param internationalPrefix what a number dialled abroad begins with here
   */
  public static CallPolicy standard(
      Map<String, OutboundRestrictions> restricted,
      String internationalPrefix,
      List<DialPattern> blockedNumbers,
      RateLimit frequency,
      Clock clock) {
    List<CallRule> rules = new ArrayList<>();
    rules.add(new PermittedRoute());
    rules.add(new ExtensionRestriction(restricted, internationalPrefix));
    rules.add(new BlockedNumbers(blockedNumbers));
    if (frequency != null) {
      rules.add(new CallFrequency(frequency, clock));
    }
    return new CallPolicy(rules);
  }

  /** Forgets what counting rules no longer need; call every few seconds. */
  public void sweep() {
    for (CallRule rule : rules) {
      if (rule instanceof CallFrequency frequency) {
        frequency.sweep();
      }
    }
  }

  public CallPolicy(List<CallRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The first denial, or an allowance naming no rule when every rule allows the call. */
  public Judgement decide(CallAttempt attempt) {
    for (CallRule rule : rules) {
      Verdict verdict = rule.judge(attempt);
      if (!verdict.allowed()) {
        return new Judgement(rule.name(), verdict);
      }
    }
    return new Judgement(null, Verdict.allow());
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
