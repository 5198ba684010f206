package io.bulwark.pbx.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts something per minute over the last hour.
 *
 * <p>{@link #count} runs on SIP threads for every request it concerns, so it takes no lock and
 * allocates nothing. Each minute of the hour has a slot holding, in one {@code long}, the minute it
 * counts (high 32 bits, minutes since the epoch) and its count (low 32 bits); the first count of a
 * new minute replaces last hour's value in the same compare-and-set that counts it, so a count is
 * never added to the wrong minute nor lost to a reset. Minutes without traffic leave their slot
 * alone; reading sees the old stamp and shows 0.
 */
public final class MinuteSeries {

  /** Minutes kept: the current one and the 59 before it. */
  public static final int MINUTES = 60;

  private static final long MILLIS_PER_MINUTE = 60_000;
  private static final long COUNT = 0xFFFF_FFFFL;

  private final Clock clock;
  private final AtomicLongArray slots = new AtomicLongArray(MINUTES);

  public MinuteSeries(Clock clock) {
    this.clock = clock;
  }

  public void count() {
    long minute = clock.millis() / MILLIS_PER_MINUTE;
    int slot = (int) (minute % MINUTES);
    long stamp = minute << 32;
    long current;
    long next;
    do {
      current = slots.get(slot);
      // 2^32 counts in one minute would be 70 million a second: the count never reaches the stamp.
      next = (current & ~COUNT) == stamp ? current + 1 : stamp | 1;
    } while (!slots.compareAndSet(slot, current, next));
  }

  /** The last {@value #MINUTES} minutes, oldest first; the last one is still running. */
  public Series lastHour() {
    long now = clock.millis() / MILLIS_PER_MINUTE;
    long first = now - MINUTES + 1;
    List<Long> counts = new ArrayList<>(MINUTES);
    for (long minute = first; minute <= now; minute++) {
      long value = slots.get((int) (minute % MINUTES));
      counts.add((value >>> 32) == minute ? value & COUNT : 0);
    }
    return new Series(
        Instant.ofEpochMilli(first * MILLIS_PER_MINUTE), Duration.ofMinutes(1), counts);
  }
}
