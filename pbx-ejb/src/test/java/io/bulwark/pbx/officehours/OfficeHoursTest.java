package io.bulwark.pbx.officehours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weekdays 09:00 to 18:00 and Saturday night 22:00 to 02:00 in Berlin; closed on a company day and
 * every year from Christmas Eve to New Year's Day.
 */
class OfficeHoursTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final OfficeHours hours =
      new OfficeHours(
          BERLIN,
          List.of(
              new WeeklyRange(
                  EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                  LocalTime.of(9, 0),
                  LocalTime.of(18, 0)),
              new WeeklyRange(
                  EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0))),
          List.of(
              new Holiday("Company day", LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 5), false),
              new Holiday(
                  "Christmas", LocalDate.of(2020, 12, 24), LocalDate.of(2021, 1, 1), true)));

  @ParameterizedTest(name = "{0} Berlin: {1}")
  @CsvSource({
    "2026-06-01T09:00, true", // a Monday at opening
    "2026-06-01T08:59, false",
    "2026-06-01T17:59, true",
    "2026-06-01T18:00, false", // the end is outside
    "2026-06-06T12:00, false", // Saturday noon
    "2026-06-06T23:30, true", // Saturday night
    "2026-06-07T01:59, true", // past midnight, into Sunday
    "2026-06-07T02:00, false",
    "2026-06-07T23:00, false", // Sunday night is not Saturday night
    "2026-06-05T10:00, false", // the company day, a Friday
    "2027-06-04T10:00, true", // not yearly
    "2027-12-23T10:00, true",
    "2027-12-24T10:00, false", // every year, over the turn of the year
    "2028-01-01T10:00, false",
    "2028-01-03T10:00, true",
  })
  void openInARangeOnADayThatIsNoHoliday(String localTime, boolean open) {
    assertEquals(
        open, hours.isOpen(LocalDateTime.parse(localTime).atZone(BERLIN).toInstant()), localTime);
  }

  @ParameterizedTest
  @CsvSource({
    "2027-12-25T10:00, it is Christmas",
    "2026-06-01T20:00, it is outside business hours (Europe/Berlin)",
  })
  void aDenialSaysWhyTheOfficeIsClosed(String localTime, String why) {
    assertEquals(why, hours.whyClosed(LocalDateTime.parse(localTime).atZone(BERLIN).toInstant()));
  }
}
