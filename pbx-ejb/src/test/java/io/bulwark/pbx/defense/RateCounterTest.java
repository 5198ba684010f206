package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.testing.MutableClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateCounterTest {

  private static final RateLimit THREE_IN_TEN = new RateLimit(3, 10);
  private static final InetAddress A = ip("203.0.113.1");
  private static final InetAddress B = ip("203.0.113.2");
  private static final InetAddress C = ip("2001:db8::3");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
  private final RateCounter<InetAddress> counter = new RateCounter<>(THREE_IN_TEN, clock);

  @Test
  void countsEachSourceWithinItsWindow() {
    assertEquals(1, counter.count(A));
    assertEquals(2, counter.count(A));
    assertEquals(1, counter.count(B));
    assertEquals(3, counter.count(A));
    assertSame(THREE_IN_TEN, counter.limit());
  }

  @Test
  void theCountStartsAgainWhenTheWindowIsOver() {
    counter.count(A);
    counter.count(A);

    clock.advance(Duration.ofSeconds(10).minusMillis(1));
    assertEquals(3, counter.count(A));
    clock.advance(Duration.ofMillis(1));
    assertEquals(1, counter.count(A));
  }

  @Test
  void theWindowStartsWithTheSourcesFirstPacket() {
    clock.advanceSeconds(7);
    counter.count(A);
    clock.advanceSeconds(7);

    assertEquals(2, counter.count(A));
  }

  @Test
  void exceededByIsTrueExactlyOncePerWindow() {
    assertEquals(List.of(false, false, false, true, false, false, false), exceeded(A, 7));

    clock.advanceSeconds(10);

    assertEquals(List.of(false, false, false, true, false), exceeded(A, 5));
  }

  @Test
  void exceededByCountsEachSourceApart() {
    exceeded(A, 3);

    assertEquals(List.of(false, false, false, true), exceeded(B, 4));
    assertTrue(counter.exceededBy(A));
  }

  @Test
  void aForgottenSourceStartsAfresh() {
    exceeded(A, 3);
    counter.forget(A);

    assertEquals(1, counter.count(A));
    assertEquals(1, counter.tracked());
  }

  @Test
  void beyondItsBoundNewSourcesGoUncounted() {
    RateCounter<InetAddress> bounded = new RateCounter<>(THREE_IN_TEN, clock, 2);

    assertEquals(1, bounded.count(A));
    assertEquals(1, bounded.count(B));
    assertEquals(0, bounded.count(C));
    assertEquals(0, bounded.count(C));
    assertFalse(bounded.exceededBy(C));
    assertEquals(2, bounded.count(A), "a tracked source is still counted");
    assertEquals(2, bounded.tracked());
  }

  @Test
  void sweepingFreesRoomForNewSources() {
    RateCounter<InetAddress> bounded = new RateCounter<>(THREE_IN_TEN, clock, 2);
    bounded.count(A);
    bounded.count(B);

    clock.advanceSeconds(10);
    bounded.sweep();

    assertEquals(0, bounded.tracked());
    assertEquals(1, bounded.count(C));
  }

  @Test
  void sweepingForgetsOnlyTheSourcesWhoseWindowIsOver() {
    counter.count(A);
    clock.advanceSeconds(5);
    counter.count(B);
    counter.count(B);

    clock.advance(Duration.ofSeconds(5).minusMillis(1));
    counter.sweep();
    assertEquals(2, counter.tracked());

    clock.advance(Duration.ofMillis(1));
    counter.sweep();
    assertEquals(1, counter.tracked());
    assertEquals(3, counter.count(B));
    assertEquals(1, counter.count(A));
  }

  @Test
  void theDefaultBoundIsAHundredThousandSources() {
    assertEquals(100_000, RateCounter.MAX_SOURCES);
  }

  private List<Boolean> exceeded(InetAddress source, int packets) {
    List<Boolean> answers = new ArrayList<>();
    for (int i = 0; i < packets; i++) {
      answers.add(counter.exceededBy(source));
    }
    return answers;
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
