package io.bulwark.pbx.callpolicy;

/** One link of the chain: judges a call on one ground, without blocking or asking a database. */
public interface CallRule {

  /** The rule's name, as the event log and "Why was this call denied?" show it. */
  String name();

  /** The verdict on a call being placed; a rule that counts calls counts this one. */
  Verdict judge(CallAttempt attempt);

  /** The verdict without counting anything: for "Why was this call denied?". */
  default Verdict peek(CallAttempt attempt) {
    return judge(attempt);
  }
}
