package io.bulwark.pbx.officehours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Whether an instant is in business hours: inside a weekly range, in the office's time zone, on a
 * day that is no holiday. Immutable, so SIP threads share it.
 */
public final class OfficeHours {

  /** Open around the clock, with no holiday. */
  public static final OfficeHours ALWAYS =
      new OfficeHours(
          ZoneId.of("UTC"),
          List.of(
              new WeeklyRange(
                  EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
          List.of());

  private final ZoneId zone;
  private final List<WeeklyRange> ranges;
  private final List<Holiday> holidays;

  public OfficeHours(ZoneId zone, List<WeeklyRange> ranges, List<Holiday> holidays) {
    this.zone = zone;
    this.ranges = List.copyOf(ranges);
    this.holidays = List.copyOf(holidays);
  }

  public boolean isOpen(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    return holidayOn(at).isEmpty() && ranges.stream().anyMatch(r -> r.contains(local));
  }

  /** The holiday {@code at} falls on, in the office's time zone. */
  public Optional<Holiday> holidayOn(Instant at) {
    var day = LocalDateTime.ofInstant(at, zone).toLocalDate();
    return holidays.stream().filter(h -> h.covers(day)).findFirst();
  }

  /** Why {@code at} is outside business hours, for a denial: a holiday's name, or the hours. */
  public String whyClosed(Instant at) {
    return holidayOn(at)
        .map(h -> "it is " + h.getName())
        .orElse("it is outside business hours (" + zone.getId() + ")");
  }

  public ZoneId zone() {
    return zone;
  }
}
