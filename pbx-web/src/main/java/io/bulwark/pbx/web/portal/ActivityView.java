package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.activity.ActivityService;
import io.bulwark.pbx.activity.RecentActivity;
import io.bulwark.pbx.activity.Series;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's live charts, for administrators only (the page shows them to no one else): read
 * afresh for the page and for each poll, nothing kept in the session. Every chart comes with its
 * numbers as text, for screen readers and for anyone who wants the exact figures.
 */
@Named
@RequestScoped
public class ActivityView {

  /**
   * Live updates pause after this many minutes without keyboard or pointer input: every poll keeps
   * the session alive, and an unattended dashboard must not keep an administrator signed in past
   * the portal's 30-minute idle limit for long.
   */
  static final int IDLE_MINUTES = 10;

  /** One minute of the last hour, as the table behind the chart lists it. */
  public static final class Minute {
    private final Instant start;
    private final long registrations;
    private final long failedAuthentications;

    Minute(Instant start, long registrations, long failedAuthentications) {
      this.start = start;
      this.registrations = registrations;
      this.failedAuthentications = failedAuthentications;
    }

    public Instant getStart() {
      return start;
    }

    public long getRegistrations() {
      return registrations;
    }

    public long getFailedAuthentications() {
      return failedAuthentications;
    }
  }

  /**
   * One hour of the last day: its security events by severity, in {@link
   * ActivityView#getSeverities} order.
   */
  public static final class Hour {
    private final Instant start;
    private final List<Long> bySeverity;

    Hour(Instant start, List<Long> bySeverity) {
      this.start = start;
      this.bySeverity = bySeverity;
    }

    public Instant getStart() {
      return start;
    }

    public List<Long> getBySeverity() {
      return bySeverity;
    }
  }

  /** A severity and how many events it had over the whole day. */
  public static final class SeverityTotal {
    private final String label;
    private final long total;

    SeverityTotal(String label, long total) {
      this.label = label;
      this.total = total;
    }

    public String getLabel() {
      return label;
    }

    public long getTotal() {
      return total;
    }
  }

  @Inject private ActivityService activity;
  @Inject private UserSession user;

  private String perMinuteChart;
  private String perHourChart;
  private long registrationsLastHour;
  private long failedAuthenticationsLastHour;
  private List<Minute> minutes;
  private List<SeverityTotal> severities;
  private List<Hour> hours;

  @PostConstruct
  void load() {
    if (!user.isSecurityViewer()) {
      // The page renders the charts for administrators only; nothing else asks for them.
      throw new IllegalStateException("Dashboard activity is for administrators");
    }
    RecentActivity recent = activity.recent();
    Series registrations = recent.registrationsPerMinute();
    Series failures = recent.failedAuthenticationsPerMinute();
    perMinuteChart = ActivityCharts.perMinute(registrations, failures);
    perHourChart = ActivityCharts.perHour(recent.securityEventsPerHour());
    registrationsLastHour = registrations.total();
    failedAuthenticationsLastHour = failures.total();
    minutes = new ArrayList<>(registrations.counts().size());
    for (int i = 0; i < registrations.counts().size(); i++) {
      minutes.add(
          new Minute(
              registrations.periodStart(i),
              registrations.counts().get(i),
              failures.counts().get(i)));
    }
    severities = new ArrayList<>();
    recent
        .securityEventsPerHour()
        .forEach(
            (severity, series) ->
                severities.add(new SeverityTotal(severity.getLabel(), series.total())));
    hours = hoursOf(List.copyOf(recent.securityEventsPerHour().values()));
  }

  /** The per-severity series turned into rows, one per hour. */
  private static List<Hour> hoursOf(List<Series> bySeverity) {
    Series first = bySeverity.get(0);
    List<Hour> rows = new ArrayList<>(first.counts().size());
    for (int i = 0; i < first.counts().size(); i++) {
      List<Long> counts = new ArrayList<>(bySeverity.size());
      for (Series series : bySeverity) {
        counts.add(series.counts().get(i));
      }
      rows.add(new Hour(first.periodStart(i), counts));
    }
    return rows;
  }

  public int getIdleMinutes() {
    return IDLE_MINUTES;
  }

  public String getPerMinuteChart() {
    return perMinuteChart;
  }

  public String getPerHourChart() {
    return perHourChart;
  }

  public long getRegistrationsLastHour() {
    return registrationsLastHour;
  }

  public long getFailedAuthenticationsLastHour() {
    return failedAuthenticationsLastHour;
  }

  public List<Minute> getMinutes() {
    return minutes;
  }

  /** Each severity with its total of the day, in the order of the hours' columns. */
  public List<SeverityTotal> getSeverities() {
    return severities;
  }

  public List<Hour> getHours() {
    return hours;
  }
}
