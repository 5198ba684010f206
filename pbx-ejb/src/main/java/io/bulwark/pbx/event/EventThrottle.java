package io.bulwark.pbx.event;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps a flood of refused requests from becoming a flood of rows and log lines: events of the same
 * type, source address and reason are counted, and each such group yields one event when it first
 * occurs and one summary with the count when its window closes.
 *
 * <p>Memory is bounded: at most {@code maxGroups} groups are open; events beyond that are counted
 * in one overflow group per type, so a scan from a million addresses still costs a fixed amount.
 * {@link #offer} is called on SIP threads and never blocks; {@link #drain} runs on a timer.
 */
public final class EventThrottle {

  /** What makes two events the same for counting. */
  record Group(EventType type, String sourceIp, String reason) {}

  private static final class Tally {
    final SecurityEvent first;
    final long openedAt;
    final AtomicLong count = new AtomicLong(1);
    volatile long reported;

    Tally(SecurityEvent first, long openedAt) {
      this.first = first;
      this.openedAt = openedAt;
    }
  }

  static final String OVERFLOW_SOURCE = "*";

  private final Map<Group, Tally> open = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration window;
  private final int maxGroups;
  private final Map<EventType, LongAdder> offered = new EnumMap<>(EventType.class);

  public EventThrottle(Clock clock, Duration window, int maxGroups) {
    this.clock = clock;
    this.window = window;
    this.maxGroups = maxGroups;
    for (EventType type : EventType.values()) {
      offered.put(type, new LongAdder()); // filled once: only read afterwards, so no lock
    }
  }

  /** Every event offered so far, by type, before aggregation: what the metrics count. */
  public Map<EventType, Long> offeredByType() {
    Map<EventType, Long> counts = new EnumMap<>(EventType.class);
    offered.forEach((type, count) -> counts.put(type, count.sum()));
    return counts;
  }

  /**
   * Counts {@code event} in its group.
   *
   * @param reason why the request was refused, short and without the varying parts (the user name a
   *     scanner guessed is in the event, not here)
   */
  public void offer(SecurityEvent event, String reason) {
    offered.get(event.type()).increment();
    Group group = new Group(event.type(), event.sourceIp(), reason);
    Tally tally = open.get(group);
    if (tally == null && open.size() >= maxGroups) {
      group = new Group(event.type(), OVERFLOW_SOURCE, "further sources");
      tally = open.get(group);
    }
    if (tally != null) {
      tally.count.incrementAndGet();
      return;
    }
    Tally fresh = new Tally(event, clock.millis());
    Tally raced = open.putIfAbsent(group, fresh);
    if (raced != null) {
      raced.count.incrementAndGet();
    }
  }

  /**
   * The events to record now: the first event of each new group, and a summary of each group whose
   * window closed with occurrences not yet reported. Closed groups are forgotten.
   */
  public List<SecurityEvent> drain() {
    long now = clock.millis();
    List<SecurityEvent> out = new ArrayList<>();
    Iterator<Map.Entry<Group, Tally>> it = open.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Group, Tally> entry = it.next();
      Tally tally = entry.getValue();
      boolean closing = now - tally.openedAt >= window.toMillis();
      if (closing) {
        // An offer that found this group just before its removal may count after the read below;
        // that one count is lost. The figures are for reading, and no lock on the SIP path is
        // worth exactness here.
        it.remove();
      }
      long count = tally.count.get();
      if (tally.reported == 0) {
        out.add(described(entry.getKey(), tally.first, count, null));
        tally.reported = count;
      } else if (closing && count > tally.reported) {
        out.add(described(entry.getKey(), tally.first, count - tally.reported, tally.openedAt));
      }
    }
    return out;
  }

  int openGroups() {
    return open.size();
  }

  private SecurityEvent described(Group group, SecurityEvent first, long count, Long since) {
    if (count == 1 && since == null && !OVERFLOW_SOURCE.equals(group.sourceIp())) {
      return first;
    }
    String detail =
        (OVERFLOW_SOURCE.equals(group.sourceIp()) ? "from many sources: " : "")
            + first.detail()
            + " ("
            + count
            + (count == 1 ? " time" : " times")
            + (since == null ? "" : " more within " + window.toSeconds() + " s")
            + ")";
    return new SecurityEvent(
        clock.instant(),
        first.type(),
        OVERFLOW_SOURCE.equals(group.sourceIp()) ? null : first.sourceIp(),
        first.identity(),
        first.action(),
        detail);
  }
}
