package io.bulwark.pbx.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MinuteSeriesTest {

  private static final Instant TEN_THIRTY = Instant.parse("2026-11-30T10:30:00Z");

  private final MutableClock clock = new MutableClock(TEN_THIRTY.plusSeconds(15));
  private final MinuteSeries series = new MinuteSeries(clock);

  private static List<Long> zerosWith(long... lastCounts) {
    List<Long> counts = new ArrayList<>(Collections.nCopies(MinuteSeries.MINUTES, 0L));
    for (int i = 0; i < lastCounts.length; i++) {
      counts.set(MinuteSeries.MINUTES - lastCounts.length + i, lastCounts[i]);
    }
    return counts;
  }

  private void count(int times) {
    for (int i = 0; i < times; i++) {
      series.count();
    }
  }

  @Test
  void theLastHourEndsWithTheRunningMinuteAndStartsOnAMinute() {
    count(3);

    Series hour = series.lastHour();

    assertEquals(TEN_THIRTY.minus(Duration.ofMinutes(59)), hour.start());
    assertEquals(Duration.ofMinutes(1), hour.step());
    assertEquals(zerosWith(3), hour.counts());
    assertEquals(TEN_THIRTY, hour.periodStart(59));
    assertEquals(3, hour.total());
  }

  @Test
  void aNewMinuteStartsFromZeroAndTheLastOneStays() {
    count(3);
    clock.advanceSeconds(45); // 10:31:00, the first millisecond of the next minute
    count(2);

    assertEquals(zerosWith(3, 2), series.lastHour().counts());
  }

  @Test
  void minutesWithoutTrafficAreZero() {
    count(1);
    clock.advance(Duration.ofMinutes(4));
    count(2);

    assertEquals(zerosWith(1, 0, 0, 0, 2), series.lastHour().counts());
  }

  @Test
  void aMinuteLeavesTheSeriesAnHourLaterAndItsSlotStartsAfresh() {
    count(5);
    clock.advance(Duration.ofMinutes(59));
    assertEquals(5, series.lastHour().counts().get(0), "59 minutes later it is the oldest");

    clock.advance(Duration.ofMinutes(1));
    assertEquals(0, series.lastHour().total(), "an hour later it is gone");
    count(1);
    assertEquals(zerosWith(1), series.lastHour().counts(), "the same slot, not 5 + 1");
  }

  @Test
  void afterHoursWithoutTrafficEverythingIsZero() {
    count(7);
    clock.advance(Duration.ofHours(5).plusMinutes(1));

    assertEquals(zerosWith(), series.lastHour().counts());
  }

  @Test
  void concurrentCountsAreNeitherLostNorDoubled() throws Exception {
    int threads = 4;
    int each = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  count(each);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(zerosWith((long) threads * each), series.lastHour().counts());
  }
}
