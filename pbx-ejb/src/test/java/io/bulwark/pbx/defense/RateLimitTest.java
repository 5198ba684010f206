package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitTest {

  @Test
  void readsAsCountPerSeconds() {
    assertEquals("40/2 s", new RateLimit(40, 2).toString());
  }

  @Test
  void equalCountsAndSecondsAreEqualLimits() {
    assertEquals(new RateLimit(5, 300), new RateLimit(5, 300));
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 0", "-1, 10", "10, -1"})
  void aCountOrSecondsBelowOneIsRefused(int count, int seconds) {
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(count, seconds));
  }

  @Test
  void oneInOneSecondIsTheSmallestLimit() {
    assertEquals(1, new RateLimit(1, 1).count());
  }
}
