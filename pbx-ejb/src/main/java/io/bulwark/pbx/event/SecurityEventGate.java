package io.bulwark.pbx.event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The way in for events that an attacker can trigger at line rate (refused REGISTERs): they are
 * counted by an {@link EventThrottle} and recorded once a second, so a flood costs a bounded number
 * of rows and log lines. Old rows go after {@code BULWARK_EVENT_RETENTION_DAYS} (default 90).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SecurityEventGate {

  static final Duration WINDOW = Duration.ofSeconds(60);
  static final int MAX_GROUPS = 10_000;
  private static final Logger LOG = Logger.getLogger(SecurityEventGate.class);

  @Inject private Clock clock;
  @Inject private EventRecorder recorder;
  @Inject private Event<GatheredEvents> gathered;

  private EventThrottle throttle;
  private Duration retention;

  @PostConstruct
  void start() {
    throttle = new EventThrottle(clock, WINDOW, MAX_GROUPS);
    retention = EventRetention.fromEnvironment();
  }

  /** For SIP threads: counting is a map update, no container call, no I/O. */
  public EventThrottle throttle() {
    return throttle;
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void record() {
    var events = throttle.drain();
    if (!events.isEmpty()) {
      recorder.recordAll(events);
      gathered.fireAsync(new GatheredEvents(events));
    }
  }

  @Schedule(hour = "*", minute = "17", persistent = false)
  void applyRetention() {
    int removed = recorder.deleteOlderThan(clock.instant().minus(retention));
    if (removed > 0) {
      LOG.infof("Event log: %d entries older than %d days removed", removed, retention.toDays());
    }
  }

  @PreDestroy
  void recordRest() {
    record();
  }
}
