package io.bulwark.pbx.activity;

import io.bulwark.pbx.event.EventLog;
import io.bulwark.pbx.event.EventType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps the SIP counters and answers what the dashboard shows. */
@ApplicationScoped
public class ActivityService {

  /** Hours of security events: the current one and the 23 before it. */
  static final int HOURS = 24;

  private static final Duration HOUR = Duration.ofHours(1);

  @Inject private Clock clock;
  @Inject private EventLog events;

  private SipActivity sip;

  @PostConstruct
  void start() {
    sip = new SipActivity(clock);
  }

  /** The counters themselves, for SIP threads: plain calls, no container proxy. */
  public SipActivity sip() {
    return sip;
  }

  /**
   * Reads the counters and the event log now. Hours start on the hour in UTC, which is also the
   * hour in every zone whose offset is whole hours; browsers label each with its local time.
   */
  public RecentActivity recent() {
    Instant firstHour =
        clock.instant().truncatedTo(ChronoUnit.HOURS).minus(HOUR.multipliedBy(HOURS - 1));
    Map<EventType.Severity, List<Long>> counts = events.countBySeverity(firstHour, HOUR, HOURS);
    Map<EventType.Severity, Series> perHour = new LinkedHashMap<>();
    for (EventType.Severity severity : EventType.Severity.values()) {
      perHour.put(severity, new Series(firstHour, HOUR, counts.get(severity)));
    }
    return new RecentActivity(
        sip.registrationsPerMinute(), sip.failedAuthenticationsPerMinute(), perHour);
  }
}
