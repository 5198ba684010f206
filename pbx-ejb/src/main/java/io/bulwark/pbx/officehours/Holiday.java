package io.bulwark.pbx.officehours;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A day or days the office is closed, business hours or not: one date, a range of dates, or the
 * same every year (Christmas Eve to New Year's Day runs over the turn of the year). Never changed
 * once made.
 */
@Embeddable
public class Holiday {

  @Column(name = "name", nullable = false, length = 64)
  private String name;

  @Column(name = "first_day", nullable = false)
  private LocalDate first;

  @Column(name = "last_day", nullable = false)
  private LocalDate last;

  @Column(name = "yearly", nullable = false)
  private boolean yearly;

  protected Holiday() {}

  public Holiday(String name, LocalDate first, LocalDate last, boolean yearly) {
    this.name = name;
    this.first = first;
    this.last = last;
    this.yearly = yearly;
  }

  public boolean covers(LocalDate day) {
    if (!yearly) {
      return !day.isBefore(first) && !day.isAfter(last);
    }
    MonthDay from = MonthDay.from(first);
    MonthDay to = MonthDay.from(last);
    MonthDay date = MonthDay.from(day);
    return from.isAfter(to)
        ? !date.isBefore(from) || !date.isAfter(to)
        : !date.isBefore(from) && !date.isAfter(to);
  }

  public String getName() {
    return name;
  }

  public LocalDate getFirst() {
    return first;
  }

  public LocalDate getLast() {
    return last;
  }

  public boolean isYearly() {
    return yearly;
  }
}
