package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * The spend guard's limits, each null when off: outbound minutes in the last 24 hours and
 * international calls in the last hour and 24 hours, for each extension and for all together; and
 * what a suspicion of toll fraud does.
 *
 * @param alertOnAnomaly raise an alert when an extension calls a country it never called, outside
 *     business hours, or calls far more than it used to
 * @param blockOnAnomaly also refuse that call and disable the extension's outbound calls
 */
public record SpendLimits(
    Integer extensionMinutesPerDay,
    Integer globalMinutesPerDay,
    Integer extensionInternationalPerHour,
    Integer extensionInternationalPerDay,
    Integer globalInternationalPerHour,
    Integer globalInternationalPerDay,
    boolean alertOnAnomaly,
    boolean blockOnAnomaly) {

  /** The most a limit may be. */
  static final int MAX = 1_000_000;

  /** What is wrong with these limits, each on its field. */
  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    check("extensionMinutesPerDay", extensionMinutesPerDay, found);
    check("globalMinutesPerDay", globalMinutesPerDay, found);
    check("extensionInternationalPerHour", extensionInternationalPerHour, found);
    check("extensionInternationalPerDay", extensionInternationalPerDay, found);
    check("globalInternationalPerHour", globalInternationalPerHour, found);
    check("globalInternationalPerDay", globalInternationalPerDay, found);
    if (blockOnAnomaly && !alertOnAnomaly) {
      found.add(
          new FieldViolation("blockOnAnomaly", "Blocking on a suspicion needs the alerts on"));
    }
    return found;
  }

  private static void check(String field, Integer limit, List<FieldViolation> found) {
    if (limit != null && (limit < 1 || limit > MAX)) {
      found.add(new FieldViolation(field, "From 1 to " + MAX + ", or empty for no limit"));
    }
  }

  /** In words, for the event of a change. */
  String describe() {
    return String.format(
        "minutes a day %s per extension, %s in all; international calls %s an hour and %s a day"
            + " per extension, %s and %s in all; suspicions %s",
        shown(extensionMinutesPerDay),
        shown(globalMinutesPerDay),
        shown(extensionInternationalPerHour),
        shown(extensionInternationalPerDay),
        shown(globalInternationalPerHour),
        shown(globalInternationalPerDay),
        blockOnAnomaly ? "alert and block" : alertOnAnomaly ? "alert" : "ignored");
  }

  private static String shown(Integer limit) {
    return limit == null ? "unlimited" : limit.toString();
  }

  /** No limit; anomalies raise alerts. */
  public static final SpendLimits ALERTS_ONLY =
      new SpendLimits(null, null, null, null, null, null, true, false);
}
