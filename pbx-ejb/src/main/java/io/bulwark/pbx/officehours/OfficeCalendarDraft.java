package io.bulwark.pbx.officehours;

import io.bulwark.pbx.system.FieldViolation;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Business hours and holidays as an administrator writes them, everything as text so that each
 * mistake is reported on its field.
 *
 * @param timeZone an IANA zone such as {@code Europe/Berlin}
 */
public record OfficeCalendarDraft(
    String timeZone, List<RangeDraft> ranges, List<HolidayDraft> holidays) {

  static final int MAX_RANGES = 50;
  static final int MAX_HOLIDAYS = 200;
  static final int LONGEST_HOLIDAY_DAYS = 366;

  /**
   * @param days {@code MON} to {@code SUN} (or the days' full names)
   * @param start {@code HH:mm}
   * @param end {@code HH:mm}; at or before the start runs past midnight, 00:00 to 00:00 is all day
   */
  public record RangeDraft(List<String> days, String start, String end) {}

  /**
   * @param first {@code yyyy-MM-dd}
   * @param last the last day, the same as {@code first} when empty
   * @param yearly whether it comes back every year on the same dates
   */
  public record HolidayDraft(String name, String first, String last, Boolean yearly) {}

  public OfficeCalendarDraft {
    timeZone = timeZone == null ? null : timeZone.strip();
    ranges = ranges == null ? List.of() : ranges.stream().filter(r -> r != null).toList();
    holidays = holidays == null ? List.of() : holidays.stream().filter(h -> h != null).toList();
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (zoneOf(timeZone).isEmpty()) {
      found.add(
          new FieldViolation("timeZone", "A time zone such as Europe/Berlin or America/New_York"));
    }
    if (ranges.isEmpty()) {
      found.add(new FieldViolation("ranges", "At least one range of business hours"));
    } else if (ranges.size() > MAX_RANGES) {
      found.add(new FieldViolation("ranges", "At most " + MAX_RANGES + " ranges"));
    }
    for (int i = 0; i < ranges.size() && i < MAX_RANGES; i++) {
      rangeViolations("ranges[" + i + "]", ranges.get(i), found);
    }
    if (holidays.size() > MAX_HOLIDAYS) {
      found.add(new FieldViolation("holidays", "At most " + MAX_HOLIDAYS + " holidays"));
    }
    for (int i = 0; i < holidays.size() && i < MAX_HOLIDAYS; i++) {
      holidayViolations("holidays[" + i + "]", holidays.get(i), found);
    }
    return found;
  }

  private static void rangeViolations(String field, RangeDraft range, List<FieldViolation> found) {
    if (range.days() == null || range.days().isEmpty()) {
      found.add(new FieldViolation(field + ".days", "At least one day"));
    } else if (range.days().stream().anyMatch(d -> dayOf(d).isEmpty())) {
      found.add(new FieldViolation(field + ".days", "Days are MON, TUE, WED, THU, FRI, SAT, SUN"));
    }
    Optional<LocalTime> start = timeOf(range.start());
    Optional<LocalTime> end = timeOf(range.end());
    if (start.isEmpty()) {
      found.add(new FieldViolation(field + ".start", "A time of day as HH:mm"));
    }
    if (end.isEmpty()) {
      found.add(new FieldViolation(field + ".end", "A time of day as HH:mm"));
    }
    if (start.isPresent() && start.equals(end) && !start.get().equals(LocalTime.MIDNIGHT)) {
      found.add(
          new FieldViolation(
              field + ".end", "The end must differ from the start (00:00 to 00:00 is all day)"));
    }
  }

  private static void holidayViolations(
      String field, HolidayDraft holiday, List<FieldViolation> found) {
    if (holiday.name() == null
        || holiday.name().isBlank()
        || holiday.name().strip().length() > 64
        || holiday.name().chars().anyMatch(Character::isISOControl)) {
      found.add(new FieldViolation(field + ".name", "A name of 1 to 64 printable characters"));
    }
    Optional<LocalDate> first = dateOf(holiday.first());
    Optional<LocalDate> last =
        holiday.last() == null || holiday.last().isBlank() ? first : dateOf(holiday.last());
    if (first.isEmpty()) {
      found.add(new FieldViolation(field + ".first", "A date as yyyy-MM-dd"));
    }
    if (last.isEmpty()) {
      found.add(new FieldViolation(field + ".last", "A date as yyyy-MM-dd, or empty for one day"));
    }
    if (first.isPresent() && last.isPresent()) {
      boolean yearly = Boolean.TRUE.equals(holiday.yearly());
      long days = ChronoUnit.DAYS.between(first.get(), last.get());
      if (!yearly && days < 0) {
        found.add(new FieldViolation(field + ".last", "The last day cannot be before the first"));
      } else if (days >= LONGEST_HOLIDAY_DAYS) {
        found.add(
            new FieldViolation(
                field + ".last", "A holiday lasts at most " + LONGEST_HOLIDAY_DAYS + " days"));
      }
    }
  }

  /** The zone; only for a draft without violations. */
  ZoneId zone() {
    return zoneOf(timeZone).orElseThrow();
  }

  /** The ranges; only for a draft without violations. */
  List<WeeklyRange> weeklyRanges() {
    return ranges.stream()
        .map(
            r -> {
              Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
              r.days().forEach(d -> days.add(dayOf(d).orElseThrow()));
              return new WeeklyRange(
                  days, timeOf(r.start()).orElseThrow(), timeOf(r.end()).orElseThrow());
            })
        .toList();
  }

  /** The holidays; only for a draft without violations. */
  List<Holiday> holidayList() {
    return holidays.stream()
        .map(
            h -> {
              LocalDate first = dateOf(h.first()).orElseThrow();
              LocalDate last =
                  h.last() == null || h.last().isBlank() ? first : dateOf(h.last()).orElseThrow();
              return new Holiday(h.name().strip(), first, last, Boolean.TRUE.equals(h.yearly()));
            })
        .toList();
  }

  private static Optional<ZoneId> zoneOf(String text) {
    try {
      return text == null || text.isEmpty() ? Optional.empty() : Optional.of(ZoneId.of(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static Optional<DayOfWeek> dayOf(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String day = text.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(day) || d.name().substring(0, 3).equals(day)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalTime> timeOf(String text) {
    try {
      return text == null || !text.strip().matches("[0-2][0-9]:[0-5][0-9]")
          ? Optional.empty()
          : Optional.of(LocalTime.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> dateOf(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
