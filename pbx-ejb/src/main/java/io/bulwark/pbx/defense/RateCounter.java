package io.bulwark.pbx.defense;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts what each source sends in windows of a rule's seconds, and tells when one goes over the
 * rule's count. A window starts with a source's first packet and is counted whole, which is what a
 * source can tell apart from a sliding one only at its edge. Sources are tracked up to a bound, so
 * a flood of forged addresses costs bounded memory: beyond it, new sources go uncounted until
 * {@link #sweep()} forgets the quiet ones. A source is what {@code K} says: an address for the
 * firewall, an extension for the call policy.
 */
public final class RateCounter<K> {

  static final int MAX_SOURCES = 100_000;

  private final RateLimit limit;
  private final long windowMillis;
  private final Clock clock;
  private final int maxSources;
  private final ConcurrentMap<K, Window> windows = new ConcurrentHashMap<>();

  public RateCounter(RateLimit limit, Clock clock) {
    this(limit, clock, MAX_SOURCES);
  }

  RateCounter(RateLimit limit, Clock clock, int maxSources) {
    this.limit = limit;
    this.windowMillis = limit.seconds() * 1000L;
    this.clock = clock;
    this.maxSources = maxSources;
  }

  public RateLimit limit() {
    return limit;
  }

  /**
   * Counts one from {@code source}; the count in its current window, so that a caller can act
   * exactly once, when the count first passes a threshold. 0 when the source could not be tracked.
   */
  public int count(K source) {
    long now = clock.millis();
    Window window = windows.get(source);
    if (window == null) {
      if (windows.size() >= maxSources) {
        return 0;
      }
      window = windows.computeIfAbsent(source, s -> new Window(now));
    }
    return window.hit(now, windowMillis);
  }

  /** The count of {@code source} in its current window, without counting anything. */
  public int current(K source) {
    Window window = windows.get(source);
    return window == null ? 0 : window.current(clock.millis(), windowMillis);
  }

  /** Whether this packet from {@code source} is the first one over the limit in its window. */
  public boolean exceededBy(K source) {
    return count(source) == limit.count() + 1;
  }

  /** A source at its limit: anything more from it is over the limit until {@code until}. */
  public record Held<K>(K source, int count, Instant until) {}

  /** The sources at their limit now. */
  public List<Held<K>> atLimit() {
    long now = clock.millis();
    List<Held<K>> held = new ArrayList<>();
    windows.forEach(
        (source, window) -> {
          long start = window.start();
          int count = window.current(now, windowMillis);
          if (count >= limit.count()) {
            held.add(new Held<>(source, count, Instant.ofEpochMilli(start + windowMillis)));
          }
        });
    return held;
  }

  /** Forgets {@code source}, once it is blocked or trusted. */
  public void forget(K source) {
    windows.remove(source);
  }

  /** Forgets the sources whose window is over. */
  public void sweep() {
    long now = clock.millis();
    windows.values().removeIf(w -> w.over(now, windowMillis));
  }

  int tracked() {
    return windows.size();
  }

  private static final class Window {
    private long start;
    private int count;

    Window(long start) {
      this.start = start;
    }

    synchronized int hit(long now, long span) {
      if (now - start >= span) {
        start = now;
        count = 0;
      }
      return ++count;
    }

    synchronized long start() {
      return start;
    }

    synchronized int current(long now, long span) {
      return now - start >= span ? 0 : count;
    }

    synchronized boolean over(long now, long span) {
      return now - start >= span;
    }
  }
}
