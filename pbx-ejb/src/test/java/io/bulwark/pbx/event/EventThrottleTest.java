package io.bulwark.pbx.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventThrottleTest {

  private static final Duration WINDOW = Duration.ofSeconds(60);
  private static final int MAX = 100;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T10:00:00Z"));
  private final EventThrottle throttle = new EventThrottle(clock, WINDOW, MAX);

  private SecurityEvent failed(String ip, String user) {
    return new SecurityEvent(
        clock.instant(),
        EventType.REGISTRATION_FAILED,
        ip,
        user,
        "reject",
        "wrong password for " + user);
  }

  @Test
  void firstEventIsReportedAloneWithItsOwnDetail() {
    SecurityEvent first = failed("203.0.113.5", "alice");
    throttle.offer(first, "wrong password");

    List<SecurityEvent> out = throttle.drain();

    assertEquals(1, out.size());
    assertSame(first, out.get(0));
    assertEquals(List.of(), throttle.drain(), "reported once");
  }

  @Test
  void burstIsSummarizedOnceWithTheCountWhenTheWindowCloses() {
    throttle.offer(failed("203.0.113.5", "alice"), "wrong password");
    assertEquals(1, throttle.drain().size());
    for (int i = 0; i < 499; i++) {
      throttle.offer(failed("203.0.113.5", "user" + i), "wrong password");
    }
    clock.advance(WINDOW.minusMillis(1));
    assertEquals(List.of(), throttle.drain(), "nothing until the window closes");

    clock.advance(Duration.ofMillis(1));
    List<SecurityEvent> out = throttle.drain();

    assertEquals(1, out.size());
    SecurityEvent summary = out.get(0);
    assertEquals(EventType.REGISTRATION_FAILED, summary.type());
    assertEquals("203.0.113.5", summary.sourceIp());
    assertEquals(clock.instant(), summary.occurredAt());
    assertEquals("wrong password for alice (499 times more within 60 s)", summary.detail());
    assertEquals(0, throttle.openGroups(), "a closed group is forgotten");
    assertEquals(List.of(), throttle.drain());
  }

  @Test
  void eventsBeforeTheFirstDrainAreCountedInTheFirstReport() {
    for (int i = 0; i < 3; i++) {
      throttle.offer(failed("203.0.113.5", "alice"), "wrong password");
    }

    List<SecurityEvent> out = throttle.drain();

    assertEquals(1, out.size());
    assertEquals("wrong password for alice (3 times)", out.get(0).detail());
    clock.advance(WINDOW);
    assertEquals(List.of(), throttle.drain(), "all three were reported already");
  }

  @Test
  void singleEventGroupClosesSilently() {
    throttle.offer(failed("203.0.113.5", "alice"), "wrong password");
    throttle.drain();
    clock.advance(WINDOW);

    assertEquals(List.of(), throttle.drain());
    assertEquals(0, throttle.openGroups());
  }

  @Test
  void groupsAreKeptPerSourceAndReason() {
    throttle.offer(failed("203.0.113.5", "alice"), "wrong password");
    throttle.offer(failed("203.0.113.5", "bob"), "wrong password");
    throttle.offer(failed("203.0.113.6", "alice"), "wrong password");
    throttle.offer(failed("203.0.113.5", "alice"), "unknown user");

    List<SecurityEvent> out = throttle.drain();

    assertEquals(3, out.size());
    assertEquals(3, throttle.openGroups());
  }

  @Test
  void anEventAfterTheWindowOpensANewGroupReportedAgain() {
    throttle.offer(failed("203.0.113.5", "alice"), "wrong password");
    throttle.drain();
    clock.advance(WINDOW);
    throttle.drain();

    SecurityEvent later = failed("203.0.113.5", "alice");
    throttle.offer(later, "wrong password");

    assertEquals(List.of(later), throttle.drain());
  }

  @Test
  void sourcesBeyondTheBoundAreCountedInOneOverflowGroup() {
    for (int i = 0; i < MAX + 50; i++) {
      throttle.offer(failed("198.18.0." + i, "alice"), "wrong password");
    }

    List<SecurityEvent> out = throttle.drain();

    // MAX groups of their own, plus one overflow group of this type for the other 50.
    assertEquals(MAX + 1, out.size());
    List<SecurityEvent> overflow = out.stream().filter(e -> e.sourceIp() == null).toList();
    assertEquals(1, overflow.size());
    assertEquals(
        "from many sources: wrong password for alice (50 times)", overflow.get(0).detail());
    Set<String> own =
        out.stream()
            .map(SecurityEvent::sourceIp)
            .filter(ip -> ip != null)
            .collect(Collectors.toSet());
    assertEquals(MAX, own.size());
  }

  @Test
  void overflowGroupIsSummarizedWhenItsWindowCloses() {
    for (int i = 0; i < MAX + 1; i++) {
      throttle.offer(failed("198.18.0." + i, "alice"), "wrong password");
    }
    throttle.drain();
    for (int i = 0; i < 10; i++) {
      throttle.offer(failed("198.19.0." + i, "bob"), "wrong password");
    }
    clock.advance(WINDOW);

    List<SecurityEvent> out = throttle.drain();

    assertEquals(1, out.size());
    assertNull(out.get(0).sourceIp());
    assertEquals(
        "from many sources: wrong password for alice (10 times more within 60 s)",
        out.get(0).detail());
  }

  /** A scan from 100,000 addresses costs the bound, not 100,000 groups. */
  @Test
  void aScanFromManySourcesKeepsTheGroupsBounded() {
    EventThrottle bounded = new EventThrottle(clock, WINDOW, 1_000);
    for (int i = 0; i < 100_000; i++) {
      String ip = "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
      bounded.offer(failed(ip, "admin"), "unknown user");
      assertTrue(bounded.openGroups() <= 1_000 + 1, "at " + i + ": " + bounded.openGroups());
    }
    // The bound itself plus the single overflow group of the one event type used.
    assertEquals(1_000 + 1, bounded.openGroups());
    assertEquals(1_000 + 1, bounded.drain().size());
  }
}
