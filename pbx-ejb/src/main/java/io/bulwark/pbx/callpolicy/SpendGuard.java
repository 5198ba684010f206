package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.officehours.OfficeHours;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Beyond the guide: limits on what outbound calls may cost, and a watch for toll fraud. A call is
 * denied once its extension, or the PBX as a whole, used its outbound minutes of the last 24 hours
 * or its international calls of the last hour or day. A call that looks like fraud (a first call to
 * a country outside business hours, or an extension calling five times its usual pace and at least
 * ten calls this hour) raises an alert, and with blocking on is refused while the extension's
 * outbound calls are disabled. Last in the chain: it counts only calls every other rule allowed.
 */
final class SpendGuard implements CallRule {

  /** At least this many calls in an hour before a pace counts as a surge. */
  static final int SURGE_CALLS = 10;

  /** A surge is this many times the extension's hourly mean of the week before. */
  static final int SURGE_FACTOR = 5;

  private final SpendLimits limits;
  private final SpendLedger ledger;
  private final CallingCodes codes;
  private final String internationalPrefix;
  private final OfficeHours hours;
  private final Consumer<Suspicion> alarms;

  SpendGuard(
      SpendLimits limits,
      SpendLedger ledger,
      CallingCodes codes,
      String internationalPrefix,
      OfficeHours hours,
      Consumer<Suspicion> alarms) {
    this.limits = limits;
    this.ledger = ledger;
    this.codes = codes;
    this.internationalPrefix = internationalPrefix;
    this.hours = hours;
    this.alarms = alarms;
  }

  @Override
  public String name() {
    return "Spend guard";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    String code = callingCode(attempt);
    Optional<String> suspicious;
    // Checked and counted in one step: calls placed at the same moment cannot all slip under a
    // limit (a burst is what toll fraud is).
    synchronized (ledger) {
      Verdict limited = overLimit(attempt, code);
      if (!limited.allowed()) {
        return limited;
      }
      suspicious = limits.alertOnAnomaly() ? anomaly(attempt, code) : Optional.empty();
      if (suspicious.isEmpty() || !limits.blockOnAnomaly()) {
        ledger.placed(attempt.caller(), code, attempt.at());
      }
    }
    if (suspicious.isEmpty()) {
      return Verdict.allow();
    }
    alarms.accept(
        new Suspicion(
            attempt.caller(),
            attempt.dialled(),
            suspicious.get(),
            limits.blockOnAnomaly(),
            attempt.at()));
    return limits.blockOnAnomaly()
        ? Verdict.forbidden("Suspected toll fraud: " + suspicious.get())
        : Verdict.allow();
  }

  /** The limits alone: asking neither counts nor raises an alert. */
  @Override
  public Verdict peek(CallAttempt attempt) {
    return overLimit(attempt, callingCode(attempt));
  }

  private Verdict overLimit(CallAttempt attempt, String code) {
    Instant now = attempt.at();
    SpendLedger.Usage own = ledger.usage(attempt.caller(), now);
    SpendLedger.Usage all = ledger.total(now);
    if (reached(own.seconds(), minutes(limits.extensionMinutesPerDay()))) {
      return Verdict.forbidden(
          "Extension "
              + attempt.caller()
              + " used its "
              + limits.extensionMinutesPerDay()
              + " outbound minutes of the last 24 hours");
    }
    if (reached(all.seconds(), minutes(limits.globalMinutesPerDay()))) {
      return Verdict.forbidden(
          "The PBX used its "
              + limits.globalMinutesPerDay()
              + " outbound minutes of the last 24 hours");
    }
    if (code == null) {
      return Verdict.allow();
    }
    if (reached(own.internationalLastHour(), limits.extensionInternationalPerHour())) {
      return Verdict.forbidden(
          "Extension "
              + attempt.caller()
              + " placed its "
              + limits.extensionInternationalPerHour()
              + " international calls of the last hour");
    }
    if (reached(own.internationalLastDay(), limits.extensionInternationalPerDay())) {
      return Verdict.forbidden(
          "Extension "
              + attempt.caller()
              + " placed its "
              + limits.extensionInternationalPerDay()
              + " international calls of the last 24 hours");
    }
    if (reached(all.internationalLastHour(), limits.globalInternationalPerHour())) {
      return Verdict.forbidden(
          "The PBX placed its "
              + limits.globalInternationalPerHour()
              + " international calls of the last hour");
    }
    if (reached(all.internationalLastDay(), limits.globalInternationalPerDay())) {
      return Verdict.forbidden(
          "The PBX placed its "
              + limits.globalInternationalPerDay()
              + " international calls of the last 24 hours");
    }
    return Verdict.allow();
  }

  private Optional<String> anomaly(CallAttempt attempt, String code) {
    if (code != null
        && !hours.isOpen(attempt.at())
        && !ledger.calledBefore(attempt.caller(), code, attempt.at())) {
      String where =
          codes.byCode(code).map(c -> "+" + c.code() + " " + c.regionNames()).orElse("+" + code);
      return Optional.of(
          "first call of extension "
              + attempt.caller()
              + " to "
              + where
              + " in 30 days, and "
              + hours.whyClosed(attempt.at()));
    }
    SpendLedger.Pace pace = ledger.pace(attempt.caller(), attempt.at());
    int thisHour = pace.thisHour() + 1;
    if (thisHour >= SURGE_CALLS && thisHour > SURGE_FACTOR * pace.hourlyMean()) {
      return Optional.of(
          String.format(
              "extension %s placed %d outbound calls this hour, against %.1f an hour in the week"
                  + " before",
              attempt.caller(), thisHour, pace.hourlyMean()));
    }
    return Optional.empty();
  }

  private String callingCode(CallAttempt attempt) {
    return International.callingCode(attempt.number(), internationalPrefix);
  }

  private static Integer minutes(Integer limit) {
    return limit == null ? null : limit * 60;
  }

  private static boolean reached(long used, Integer limit) {
    return limit != null && used >= limit;
  }
}
