package io.bulwark.pbx.cdr;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call's record as it stands: started, perhaps answered, perhaps ended. A record is immutable;
 * each step of the call makes the next one.
 *
 * @param key the call's own identifier, also the live call's in the portal
 * @param hangupSide who ended it, empty while it is up
 * @param cause why it ended, in a few words ("BYE", "486 Busy Here", "Hung up by admin")
 */
public record CallDetailRecord(
    String key,
    CallParties parties,
    Instant startedAt,
    Instant answeredAt,
    Instant endedAt,
    Disposition disposition,
    HangupSide hangupSide,
    String cause) {

  private static final int MAX_CAUSE = 128;

  public CallDetailRecord {
    Objects.requireNonNull(key);
    Objects.requireNonNull(parties);
    Objects.requireNonNull(startedAt);
    Objects.requireNonNull(disposition);
    if (cause != null && cause.length() > MAX_CAUSE) {
      cause = cause.substring(0, MAX_CAUSE);
    }
  }

  /** A call that rings: its disposition says what it is if it ends now, unanswered. */
  public static CallDetailRecord started(String key, CallParties parties, Instant at) {
    return new CallDetailRecord(key, parties, at, null, null, Disposition.NO_ANSWER, null, null);
  }

  public CallDetailRecord answered(Instant at) {
    return new CallDetailRecord(
        key, parties, startedAt, at, null, Disposition.ANSWERED, null, null);
  }

  /** The end of a call that was answered. */
  public CallDetailRecord hungUp(Instant at, HangupSide side, String why) {
    return new CallDetailRecord(key, parties, startedAt, answeredAt, at, disposition, side, why);
  }

  /** The end of a call that was never answered: refused with {@code status}, or given up. */
  public CallDetailRecord refused(Instant at, int status, HangupSide side, String why) {
    return new CallDetailRecord(
        key, parties, startedAt, null, at, Disposition.ofRefusal(status), side, why);
  }

  /** The same call, let through by its route with {@code pin}. */
  public CallDetailRecord withPin(String pin) {
    return new CallDetailRecord(
        key, parties.withPin(pin), startedAt, answeredAt, endedAt, disposition, hangupSide, cause);
  }

  /** The same call, now tried through {@code trunk}. */
  public CallDetailRecord through(String trunk) {
    CallParties p = parties;
    return new CallDetailRecord(
        key,
        new CallParties(
            p.caller(), p.callerName(), p.dialled(), p.callee(), p.route(), trunk, p.pin()),
        startedAt,
        answeredAt,
        endedAt,
        disposition,
        hangupSide,
        cause);
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }

  public boolean isEnded() {
    return endedAt != null;
  }

  /** Whole seconds from answer to end, a started second counting as one, as carriers bill. */
  public long billableSeconds() {
    if (answeredAt == null || endedAt == null || !endedAt.isAfter(answeredAt)) {
      return 0;
    }
    long millis = Duration.between(answeredAt, endedAt).toMillis();
    return (millis + 999) / 1000;
  }
}
