package io.bulwark.pbx.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BackupTimingTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final BackupTiming DAILY =
      new BackupTiming(BackupTiming.Frequency.DAILY, null, LocalTime.of(2, 30));
  private static final BackupTiming MONDAYS =
      new BackupTiming(BackupTiming.Frequency.WEEKLY, DayOfWeek.MONDAY, LocalTime.of(2, 30));

  @Test
  void aDailyBackupRunsAtItsTimeOfTheZoneTodayOrTomorrow() {
    // 2026-12-01 is a Tuesday; Berlin is UTC+1 in winter.
    assertEquals(
        Instant.parse("2026-12-02T01:30:00Z"),
        DAILY.next(Instant.parse("2026-12-01T10:00:00Z"), BERLIN));
    assertEquals(
        Instant.parse("2026-12-01T01:30:00Z"),
        DAILY.next(Instant.parse("2026-12-01T00:00:00Z"), BERLIN));
  }

  @Test
  void theRunJustMadeIsNotDueAgain() {
    Instant run = Instant.parse("2026-12-02T01:30:00Z");

    assertEquals(Instant.parse("2026-12-03T01:30:00Z"), DAILY.next(run, BERLIN));
  }

  @Test
  void aWeeklyBackupWaitsForItsDay() {
    assertEquals(
        Instant.parse("2026-12-07T01:30:00Z"),
        MONDAYS.next(Instant.parse("2026-12-01T10:00:00Z"), BERLIN));
    assertEquals(
        Instant.parse("2026-12-14T01:30:00Z"),
        MONDAYS.next(Instant.parse("2026-12-07T01:30:00Z"), BERLIN));
  }

  @Test
  void theDaylightSavingChangeKeepsTheLocalTime() {
    // Summer time begins in Berlin on 2027-03-28 at 02:00, which does not exist that night.
    assertEquals(
        Instant.parse("2027-03-28T01:30:00Z"),
        DAILY.next(Instant.parse("2027-03-27T12:00:00Z"), BERLIN));
    assertEquals(
        Instant.parse("2027-03-29T00:30:00Z"),
        DAILY.next(Instant.parse("2027-03-28T01:30:00Z"), BERLIN));
  }

  @Test
  void itSaysWhenInWords() {
    assertEquals("every day at 02:30", DAILY.describe());
    assertEquals("every Monday at 02:30", MONDAYS.describe());
  }
}
