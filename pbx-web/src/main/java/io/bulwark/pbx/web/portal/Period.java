package io.bulwark.pbx.web.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The periods a user picks from in the reports; times are shown in the browser's zone. */
public enum Period {
  HOUR("Last hour", Duration.ofHours(1)),
  DAY("Last 24 hours", Duration.ofDays(1)),
  WEEK("Last 7 days", Duration.ofDays(7)),
  MONTH("Last 30 days", Duration.ofDays(30)),
  ALL("All", null);

  private final String label;
  private final Duration length;

  Period(String label, Duration length) {
    this.label = label;
    this.length = length;
  }

  public String getLabel() {
    return label;
  }

  /** Where the period begins now, or null for all time. */
  Instant start(Clock clock) {
    return length == null ? null : clock.instant().minus(length);
  }
}
