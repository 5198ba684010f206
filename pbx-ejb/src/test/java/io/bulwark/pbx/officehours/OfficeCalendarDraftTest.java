package io.bulwark.pbx.officehours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficeCalendarDraftTest {

  private static final OfficeCalendarDraft.RangeDraft WEEKDAYS =
      new OfficeCalendarDraft.RangeDraft(
          List.of("MON", "tue", "Wednesday", "THU", "FRI"), "09:00", "18:00");

  private static List<String> fields(OfficeCalendarDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void aWeekWithHolidaysIsTaken() {
    OfficeCalendarDraft draft =
        new OfficeCalendarDraft(
            "Europe/Berlin",
            List.of(WEEKDAYS, new OfficeCalendarDraft.RangeDraft(List.of("SAT"), "00:00", "00:00")),
            List.of(
                new OfficeCalendarDraft.HolidayDraft("New Year's Day", "2027-01-01", null, true),
                new OfficeCalendarDraft.HolidayDraft(
                    "Christmas", "2026-12-24", "2027-01-01", true)));

    assertEquals(List.of(), fields(draft));
    assertEquals(5, draft.weeklyRanges().get(0).getDays().size());
    assertEquals(draft.holidayList().get(0).getFirst(), draft.holidayList().get(0).getLast());
  }

  @Test
  void everyMistakeIsReportedOnItsField() {
    OfficeCalendarDraft draft =
        new OfficeCalendarDraft(
            "Mars/Olympus",
            List.of(
                new OfficeCalendarDraft.RangeDraft(List.of("FUN"), "9", "25:00"),
                new OfficeCalendarDraft.RangeDraft(List.of(), "10:00", "10:00")),
            List.of(
                new OfficeCalendarDraft.HolidayDraft("", "2026-13-01", "soon", false),
                new OfficeCalendarDraft.HolidayDraft(
                    "Backwards", "2026-05-02", "2026-05-01", false),
                new OfficeCalendarDraft.HolidayDraft(
                    "Too long", "2026-01-01", "2027-06-01", false)));

    assertEquals(
        List.of(
            "timeZone",
            "ranges[0].days",
            "ranges[0].start",
            "ranges[0].end",
            "ranges[1].days",
            "ranges[1].end",
            "holidays[0].name",
            "holidays[0].first",
            "holidays[0].last",
            "holidays[1].last",
            "holidays[2].last"),
        fields(draft));
    assertEquals(List.of("ranges"), fields(new OfficeCalendarDraft("UTC", null, null)));
  }
}
