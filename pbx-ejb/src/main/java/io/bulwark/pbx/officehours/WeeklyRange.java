package io.bulwark.pbx.officehours;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Business hours on some days of the week: from {@code start} to {@code end} on each. An end at or
 * before the start runs past midnight into the next day (22:00 to 06:00). Never changed once made.
 */
@Embeddable
public class WeeklyRange {

  /** Bit {@code d.getValue() - 1} for each day {@code d}: Monday is 1. */
  @Column(name = "days", nullable = false)
  private int days;

  @Column(name = "start_time", nullable = false)
  private LocalTime start;

  @Column(name = "end_time", nullable = false)
  private LocalTime end;

  protected WeeklyRange() {}

  public WeeklyRange(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    this.days = days.stream().mapToInt(d -> 1 << (d.getValue() - 1)).reduce(0, (a, b) -> a | b);
    this.start = start;
    this.end = end;
  }

  /** Whether the local time {@code at} falls in the range. */
  public boolean contains(LocalDateTime at) {
    LocalTime time = at.toLocalTime();
    DayOfWeek day = at.getDayOfWeek();
    if (end.isAfter(start)) {
      return on(day) && !time.isBefore(start) && time.isBefore(end);
    }
    // Past midnight: the evening of a listed day, or the early hours after one.
    return (on(day) && !time.isBefore(start)) || (on(day.minus(1)) && time.isBefore(end));
  }

  private boolean on(DayOfWeek day) {
    return (days & (1 << (day.getValue() - 1))) != 0;
  }

  /** Monday first. */
  public Set<DayOfWeek> getDays() {
    Set<DayOfWeek> all = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (on(d)) {
        all.add(d);
      }
    }
    return all;
  }

  public LocalTime getStart() {
    return start;
  }

  public LocalTime getEnd() {
    return end;
  }
}
