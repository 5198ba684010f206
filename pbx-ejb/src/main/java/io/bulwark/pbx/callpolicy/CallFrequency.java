package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.defense.RateCounter;
import io.bulwark.pbx.defense.RateLimit;
import java.time.Clock;

/**
 * The guide's outbound call frequency restriction: an extension may place at most so many outbound
 * calls in so many seconds (5 in 1 by default); the calls beyond are denied. Only calls the rules
 * before it allowed are counted: those are the ones that would cost money.
 */
final class CallFrequency implements CallRule {

  private final RateCounter<String> calls;

  CallFrequency(RateLimit limit, Clock clock) {
    this.calls = new RateCounter<>(limit, clock);
  }

  @Override
  public String name() {
    return "Outbound call frequency";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    return calls.count(attempt.caller()) > calls.limit().count() ? denial() : Verdict.allow();
  }

  /** Whether the next call would be denied, counting nothing: asking is no call. */
  @Override
  public Verdict peek(CallAttempt attempt) {
    return calls.current(attempt.caller()) >= calls.limit().count() ? denial() : Verdict.allow();
  }

  /** Forgets the extensions whose window is over. */
  void sweep() {
    calls.sweep();
  }

  private Verdict denial() {
    RateLimit limit = calls.limit();
    return Verdict.forbidden(
        "More than " + limit.count() + " outbound calls in " + limit.seconds() + " s");
  }
}
