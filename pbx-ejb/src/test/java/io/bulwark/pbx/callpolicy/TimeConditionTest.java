package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.officehours.Holiday;
import io.bulwark.pbx.officehours.OfficeHours;
import io.bulwark.pbx.officehours.WeeklyRange;
import io.bulwark.pbx.routing.RoutePin;
import io.bulwark.pbx.routing.TimeCondition;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Routes with a time condition and an extension without outbound calls outside business hours
 * (1002), against weekdays 09:00 to 18:00 in New York and New Year's Day: extension × route × time
 * → the rule that denies.
 */
class TimeConditionTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private final CallPolicy policy =
      CallPolicy.builder()
          .officeHours(
              new OfficeHours(
                  NEW_YORK,
                  List.of(
                      new WeeklyRange(
                          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                          LocalTime.of(9, 0),
                          LocalTime.of(18, 0))),
                  List.of(
                      new Holiday(
                          "New Year's Day",
                          LocalDate.of(2027, 1, 1),
                          LocalDate.of(2027, 1, 1),
                          true))))
          .restricted(Map.of("1002", new OutboundRestrictions(false, true, false, null, null)))
          .build();

  @ParameterizedTest(name = "{0} through a route {1} at {2}: {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "1001, ANY_TIME, 2026-12-05T23:00, -",
        "1001, BUSINESS_HOURS, 2026-12-07T10:00, -",
        "1001, BUSINESS_HOURS, 2026-12-05T10:00, Route time condition",
        "1001, BUSINESS_HOURS, 2027-01-01T10:00, Route time condition",
        "1001, OUTSIDE_BUSINESS_HOURS, 2026-12-07T10:00, Route time condition",
        "1001, OUTSIDE_BUSINESS_HOURS, 2026-12-07T19:00, -",
        "1002, ANY_TIME, 2026-12-07T10:00, -",
        "1002, ANY_TIME, 2026-12-07T19:00, Extension call restrictions",
        "1002, OUTSIDE_BUSINESS_HOURS, 2026-12-07T19:00, Extension call restrictions",
      })
  void aCallOutsideItsRoutesOrItsExtensionsHoursIsDenied(
      String caller, TimeCondition route, String newYorkTime, String rule) {
    CallAttempt attempt =
        new CallAttempt(
            caller,
            "912125551234",
            "12125551234",
            LocalDateTime.parse(newYorkTime).atZone(NEW_YORK).toInstant(),
            "US",
            route,
            RoutePin.NONE);

    CallPolicy.Judgement judged = policy.decide(attempt);

    assertEquals(rule, judged.rule(), judged.verdict().reason());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1001 | BUSINESS_HOURS | 2027-01-01T10:00 | Route US is usable only in business hours: it is"
            + " New Year's Day",
        "1002 | ANY_TIME | 2026-12-05T10:00 | Outbound calls outside business hours are disabled for"
            + " extension 1002: it is outside business hours (America/New_York)",
      })
  void theDenialSaysWhy(String caller, TimeCondition route, String newYorkTime, String reason) {
    CallAttempt attempt =
        new CallAttempt(
            caller,
            "912125551234",
            "12125551234",
            LocalDateTime.parse(newYorkTime).atZone(NEW_YORK).toInstant(),
            "US",
            route,
            RoutePin.NONE);

    assertEquals(reason, policy.decide(attempt).verdict().reason());
  }
}
