package io.bulwark.pbx.notification;

import io.bulwark.pbx.event.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps an attack from turning into a mail flood: at most {@code max} notifications of one type in
 * a window; the rest are held back and counted, and the next one sent says how many were.
 */
public class NotificationThrottle {

  /** Whether to send, and how many of the type were held back since the last one sent. */
  public record Decision(boolean send, int heldBack) {}

  private final Clock clock;
  private final Duration window;
  private final int max;
  private final Map<EventType, Budget> budgets = new EnumMap<>(EventType.class);

  public NotificationThrottle(Clock clock, Duration window, int max) {
    this.clock = clock;
    this.window = window;
    this.max = max;
  }

  public synchronized Decision take(EventType type) {
    Instant now = clock.instant();
    Budget budget = budgets.computeIfAbsent(type, t -> new Budget(now));
    if (!now.isBefore(budget.start.plus(window))) {
      budget.start = now;
      budget.sent = 0;
    }
    if (budget.sent >= max) {
      budget.heldBack++;
      return new Decision(false, 0);
    }
    budget.sent++;
    int heldBack = budget.heldBack;
    budget.heldBack = 0;
    return new Decision(true, heldBack);
  }

  private static final class Budget {
    Instant start;
    int sent;
    int heldBack;

    Budget(Instant start) {
      this.start = start;
    }
  }
}
