package io.bulwark.pbx.event;

import java.time.Duration;

/**
 * How long the event log and the audit log keep entries: {@code BULWARK_EVENT_RETENTION_DAYS}, 1 to
 * 3650.
 */
public final class EventRetention {

  static final int DEFAULT_DAYS = 90;

  private EventRetention() {}

  public static Duration fromEnvironment() {
    return parse(System.getenv("BULWARK_EVENT_RETENTION_DAYS"));
  }

  static Duration parse(String days) {
    if (days == null || days.isBlank()) {
      return Duration.ofDays(DEFAULT_DAYS);
    }
    try {
      int value = Integer.parseInt(days.trim());
      if (value >= 1 && value <= 3650) {
        return Duration.ofDays(value);
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range value
    }
    throw new IllegalArgumentException(
        "BULWARK_EVENT_RETENTION_DAYS must be a whole number of days from 1 to 3650, not " + days);
  }
}
