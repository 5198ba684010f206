package io.bulwark.pbx.officehours;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The guide's Business Hours and Holidays: one row, its ranges and holidays in their order. */
@Entity
@Table(name = "office_calendar")
public class OfficeCalendar {

  public static final int ID = 1;

  @Id private int id;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "business_hours", joinColumns = @JoinColumn(name = "calendar_id"))
  @OrderColumn(name = "idx")
  private List<WeeklyRange> ranges = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "holiday", joinColumns = @JoinColumn(name = "calendar_id"))
  @OrderColumn(name = "idx")
  private List<Holiday> holidays = new ArrayList<>();

  @Version private int version;

  protected OfficeCalendar() {}

  /** Takes over a valid draft. */
  void apply(OfficeCalendarDraft draft) {
    timeZone = draft.zone().getId();
    ranges.clear();
    ranges.addAll(draft.weeklyRanges());
    holidays.clear();
    holidays.addAll(draft.holidayList());
  }

  /** The calendar as calls read it, detached from persistence. */
  public OfficeHours hours() {
    return new OfficeHours(ZoneId.of(timeZone), ranges, holidays);
  }

  public String getTimeZone() {
    return timeZone;
  }

  public List<WeeklyRange> getRanges() {
    return List.copyOf(ranges);
  }

  public List<Holiday> getHolidays() {
    return List.copyOf(holidays);
  }

  public int getVersion() {
    return version;
  }
}
