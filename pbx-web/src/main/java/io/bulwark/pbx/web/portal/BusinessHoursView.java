package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.officehours.Holiday;
import io.bulwark.pbx.officehours.OfficeCalendar;
import io.bulwark.pbx.officehours.OfficeCalendarDraft;
import io.bulwark.pbx.officehours.OfficeCalendarService;
import io.bulwark.pbx.officehours.WeeklyRange;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * Call Control > Business Hours and Holidays: the weekly hours, the holidays and the time zone that
 * outbound routes' time conditions and the extensions' restrictions read.
 */
@Named
@ViewScoped
public class BusinessHoursView implements Serializable {

  @Inject private transient OfficeCalendarService calendars;

  private int version;
  private String timeZone;
  private List<RangeRow> ranges;
  private List<HolidayRow> holidays;

  /** One range of business hours as the form edits it. */
  public static class RangeRow implements Serializable {
    private List<String> days = new ArrayList<>();
    private String start;
    private String end;

    RangeRow() {}

    RangeRow(WeeklyRange r) {
      r.getDays().forEach(d -> days.add(abbreviation(d)));
      start = r.getStart().toString();
      end = r.getEnd().toString();
    }

    public List<String> getDays() {
      return days;
    }

    public void setDays(List<String> days) {
      this.days = days;
    }

    public String getStart() {
      return start;
    }

    public void setStart(String start) {
      this.start = start;
    }

    public String getEnd() {
      return end;
    }

    public void setEnd(String end) {
      this.end = end;
    }
  }

  /** One holiday as the form edits it. */
  public static class HolidayRow implements Serializable {
    private String name;
    private String first;
    private String last;
    private boolean yearly;

    HolidayRow() {}

    HolidayRow(Holiday h) {
      name = h.getName();
      first = h.getFirst().toString();
      last = h.getLast().equals(h.getFirst()) ? null : h.getLast().toString();
      yearly = h.isYearly();
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getFirst() {
      return first;
    }

    public void setFirst(String first) {
      this.first = first;
    }

    public String getLast() {
      return last;
    }

    public void setLast(String last) {
      this.last = last;
    }

    public boolean isYearly() {
      return yearly;
    }

    public void setYearly(boolean yearly) {
      this.yearly = yearly;
    }
  }

  @PostConstruct
  void load() {
    OfficeCalendar calendar = calendars.calendar();
    version = calendar.getVersion();
    timeZone = calendar.getTimeZone();
    ranges = new ArrayList<>(calendar.getRanges().stream().map(RangeRow::new).toList());
    holidays = new ArrayList<>(calendar.getHolidays().stream().map(HolidayRow::new).toList());
  }

  public void save() {
    try {
      calendars.update(
          version,
          new OfficeCalendarDraft(
              timeZone,
              ranges.stream()
                  .map(r -> new OfficeCalendarDraft.RangeDraft(r.days, r.start, r.end))
                  .toList(),
              holidays.stream()
                  .map(h -> new OfficeCalendarDraft.HolidayDraft(h.name, h.first, h.last, h.yearly))
                  .toList()),
          FormMessages.actor());
      load();
      FormMessages.info("Business hours and holidays saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("hours", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void addRange() {
    ranges.add(new RangeRow());
  }

  public void removeRange(int index) {
    ranges.remove(index);
  }

  public void addHoliday() {
    holidays.add(new HolidayRow());
  }

  public void removeHoliday(int index) {
    holidays.remove(index);
  }

  /** MON to SUN, for the day pickers. */
  public List<String> getWeekDays() {
    return java.util.Arrays.stream(DayOfWeek.values())
        .map(BusinessHoursView::abbreviation)
        .toList();
  }

  private static String abbreviation(DayOfWeek day) {
    return day.name().substring(0, 3);
  }

  public List<RangeRow> getRanges() {
    return ranges;
  }

  public List<HolidayRow> getHolidays() {
    return holidays;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }
}
