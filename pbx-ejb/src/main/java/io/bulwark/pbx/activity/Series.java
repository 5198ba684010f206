package io.bulwark.pbx.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Counts over consecutive periods of one length, oldest first: {@code counts.get(i)} happened from
 * {@link #periodStart periodStart(i)} to the start of the next period.
 */
public record Series(Instant start, Duration step, List<Long> counts) {

  public Series {
    counts = List.copyOf(counts);
  }

  public Instant periodStart(int index) {
    return start.plus(step.multipliedBy(index));
  }

  public long total() {
    long sum = 0;
    for (long count : counts) {
      sum += count;
    }
    return sum;
  }
}
