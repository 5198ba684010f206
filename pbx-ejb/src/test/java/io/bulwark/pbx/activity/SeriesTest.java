package io.bulwark.pbx.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

  @Test
  void periodsFollowEachOtherFromTheStart() {
    Series series =
        new Series(Instant.parse("2026-11-30T08:00:00Z"), Duration.ofHours(1), List.of(1L, 0L, 4L));

    assertEquals(Instant.parse("2026-11-30T10:00:00Z"), series.periodStart(2));
    assertEquals(5, series.total());
  }

  @Test
  void theCountsCannotChangeAfterwards() {
    List<Long> counts = new ArrayList<>(List.of(1L));
    Series series = new Series(Instant.EPOCH, Duration.ofMinutes(1), counts);
    counts.add(2L);

    assertEquals(List.of(1L), series.counts());
    assertThrows(UnsupportedOperationException.class, () -> series.counts().add(3L));
  }
}
