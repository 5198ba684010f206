package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.defense.RateCounter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The guide's outbound call frequency restriction: an extension may place at most so many outbound
 * calls in so many seconds (5 in 1 by the default rule, or what the custom rule it follows says);
 * the calls beyond are denied. Only calls the rules before it allowed are counted: those are the
 * ones that would cost money.
 */
final class CallFrequency implements CallRule {

  private final FrequencyLimit standard;
  private final Map<String, FrequencyLimit> custom;
  private final Map<FrequencyLimit, RateCounter<String>> counters = new HashMap<>();

  /**
   * @param standard the default rule, null when it is off
   * @param custom the custom rule each extension that has one follows, by number
   */
  CallFrequency(FrequencyLimit standard, Map<String, FrequencyLimit> custom, Clock clock) {
    this.standard = standard;
    this.custom = Map.copyOf(custom);
    if (standard != null) {
      counters.put(standard, new RateCounter<>(standard.rate(), clock));
    }
    for (FrequencyLimit limit : this.custom.values()) {
      counters.computeIfAbsent(limit, l -> new RateCounter<>(l.rate(), clock));
    }
  }

  @Override
  public String name() {
    return "Outbound call frequency";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    FrequencyLimit limit = custom.getOrDefault(attempt.caller(), standard);
    if (limit == null) {
      return Verdict.allow();
    }
    return counters.get(limit).count(attempt.caller()) > limit.rate().count()
        ? denial(limit)
        : Verdict.allow();
  }

  /** Whether the next call would be denied, counting nothing: asking is no call. */
  @Override
  public Verdict peek(CallAttempt attempt) {
    FrequencyLimit limit = custom.getOrDefault(attempt.caller(), standard);
    if (limit == null) {
      return Verdict.allow();
    }
    return counters.get(limit).current(attempt.caller()) >= limit.rate().count()
        ? denial(limit)
        : Verdict.allow();
  }

  /** The extensions at their limit now. */
  List<FrequencyHold> holds() {
    List<FrequencyHold> holds = new ArrayList<>();
    counters.forEach(
        (limit, counter) ->
            counter
                .atLimit()
                .forEach(
                    held ->
                        holds.add(
                            new FrequencyHold(
                                held.source(), limit.name(), held.count(), held.until()))));
    return holds;
  }

  /** Forgets the extensions whose window is over. */
  void sweep() {
    counters.values().forEach(RateCounter::sweep);
  }

  private Verdict denial(FrequencyLimit limit) {
    String text =
        "More than " + limit.rate().count() + " outbound calls in " + limit.rate().seconds() + " s";
    return Verdict.forbidden(limit.equals(standard) ? text : text + " (rule " + limit.name() + ")");
  }
}
