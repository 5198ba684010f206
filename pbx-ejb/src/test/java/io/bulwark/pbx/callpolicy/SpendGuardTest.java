package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.officehours.OfficeHours;
import io.bulwark.pbx.officehours.WeeklyRange;
import io.bulwark.pbx.testing.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spend guard against weekday office hours 09:00 to 18:00 UTC, from a Monday at 10:00. */
class SpendGuardTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final SpendLedger ledger = new SpendLedger();
  private final List<Suspicion> alarms = new ArrayList<>();

  private CallPolicy guarded(SpendLimits limits) {
    return CallPolicy.builder()
        .officeHours(
            new OfficeHours(
                ZoneId.of("UTC"),
                List.of(
                    new WeeklyRange(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(9, 0),
                        LocalTime.of(18, 0))),
                List.of()))
        .spendGuard(limits, ledger, alarms::add)
        .clock(clock)
        .build();
  }

  private CallPolicy.Judgement call(CallPolicy policy, String caller, String sent) {
    return policy.decide(new CallAttempt(caller, "9" + sent, sent, clock.instant()));
  }

  @Test
  void anExtensionsInternationalCallsStopAtItsHourlyLimitAndNationalOnesGoOn() {
    CallPolicy policy = guarded(new SpendLimits(null, null, 2, null, null, null, true, false));

    assertTrue(call(policy, "1001", "004930123456").verdict().allowed());
    assertTrue(call(policy, "1001", "0044207946").verdict().allowed());
    CallPolicy.Judgement third = call(policy, "1001", "004930123457");

    assertEquals("Spend guard", third.rule());
    assertEquals(
        "Extension 1001 placed its 2 international calls of the last hour",
        third.verdict().reason());
    assertTrue(call(policy, "1001", "030123456").verdict().allowed(), "a national call");
    assertTrue(call(policy, "1002", "004930123456").verdict().allowed(), "another extension");
    clock.advance(Duration.ofMinutes(61));
    assertTrue(call(policy, "1001", "004930123456").verdict().allowed(), "an hour later");
  }

  @Test
  void minutesSpentInTheLast24HoursStopTheExtensionThenThePbx() {
    CallPolicy policy = guarded(new SpendLimits(60, 90, null, null, null, null, true, false));

    policy.spent("1001", 3_599, clock.instant());
    assertTrue(call(policy, "1001", "030123456").verdict().allowed(), "a second left");
    policy.spent("1001", 1, clock.instant());
    assertEquals(
        "Extension 1001 used its 60 outbound minutes of the last 24 hours",
        call(policy, "1001", "030123456").verdict().reason());
    policy.spent("1002", 1_800, clock.instant());
    assertEquals(
        "The PBX used its 90 outbound minutes of the last 24 hours",
        call(policy, "1003", "030123456").verdict().reason());
    clock.advance(Duration.ofHours(24));
    assertTrue(call(policy, "1001", "030123456").verdict().allowed(), "a day later");
  }

  @Test
  void aFirstCallToACountryAtNightRaisesAnAlertAndWithBlockingIsRefused() {
    CallPolicy alerting = guarded(SpendLimits.ALERTS_ONLY);
    assertTrue(call(alerting, "1001", "0044207946").verdict().allowed(), "in office hours");
    assertEquals(List.of(), alarms);

    clock.advance(Duration.ofHours(12)); // 22:00
    assertTrue(call(alerting, "1001", "0044207947").verdict().allowed(), "called before");
    assertTrue(call(alerting, "1001", "0012425551234").verdict().allowed(), "alerts only");
    assertEquals(1, alarms.size());
    assertEquals(
        "first call of extension 1001 to +1-242 Bahamas (BS) in 30 days, and it is outside"
            + " business hours (UTC)",
        alarms.get(0).why());
    assertFalse(alarms.get(0).blocked());

    CallPolicy blocking = guarded(new SpendLimits(null, null, null, null, null, null, true, true));
    CallPolicy.Judgement refused = call(blocking, "1002", "0037322123456");
    assertEquals("Spend guard", refused.rule());
    assertTrue(refused.verdict().reason().startsWith("Suspected toll fraud: first call of"));
    assertTrue(alarms.get(1).blocked());
    assertFalse(
        ledger.calledBefore("1002", "373", clock.instant()), "a refused call spent nothing");
  }

  @Test
  void anExtensionCallingFarFasterThanItsWeekRaisesAnAlert() {
    CallPolicy policy = guarded(SpendLimits.ALERTS_ONLY);
    for (int i = 1; i < SpendGuard.SURGE_CALLS; i++) {
      assertTrue(call(policy, "1001", "030123456").verdict().allowed());
    }
    assertEquals(List.of(), alarms, "nine calls are no surge");

    call(policy, "1001", "030123456");

    assertEquals(1, alarms.size());
    assertTrue(alarms.get(0).why().startsWith("extension 1001 placed 10 outbound calls"));
  }

  @Test
  void askingWhyCountsNothingAndRaisesNoAlert() {
    CallPolicy policy = guarded(new SpendLimits(null, null, 1, null, null, null, true, true));
    clock.advance(Duration.ofHours(12));
    CallAttempt night = new CallAttempt("1001", "90044207946", "0044207946", clock.instant());

    policy.explain(night);
    policy.explain(night);

    assertEquals(List.of(), alarms);
    assertEquals(0, ledger.usage("1001", clock.instant()).internationalLastHour());
  }
}
