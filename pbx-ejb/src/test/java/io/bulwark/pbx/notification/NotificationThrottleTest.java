package io.bulwark.pbx.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.event.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotificationThrottleTest {

  private Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final NotificationThrottle throttle =
      new NotificationThrottle(clock, Duration.ofMinutes(10), 3);

  @Test
  void aFloodIsCutAtTheBudgetAndTheNextMessageCountsWhatWasHeldBack() {
    for (int i = 0; i < 3; i++) {
      assertEquals(
          new NotificationThrottle.Decision(true, 0), throttle.take(EventType.SOURCE_BLOCKED));
    }
    for (int i = 0; i < 40; i++) {
      assertEquals(
          new NotificationThrottle.Decision(false, 0), throttle.take(EventType.SOURCE_BLOCKED));
    }

    now = now.plus(Duration.ofMinutes(10));

    assertEquals(
        new NotificationThrottle.Decision(true, 40), throttle.take(EventType.SOURCE_BLOCKED));
    assertEquals(
        new NotificationThrottle.Decision(true, 0), throttle.take(EventType.SOURCE_BLOCKED));
  }

  @Test
  void eachTypeHasItsOwnBudget() {
    for (int i = 0; i < 5; i++) {
      throttle.take(EventType.SOURCE_BLOCKED);
    }

    assertEquals(
        new NotificationThrottle.Decision(true, 0), throttle.take(EventType.WEB_USER_BLOCKED_OUT));
  }
}
