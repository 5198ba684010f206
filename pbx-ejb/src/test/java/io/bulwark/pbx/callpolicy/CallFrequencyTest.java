package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.defense.RateLimit;
import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallFrequencyTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  private final CallPolicy policy =
      CallPolicy.builder()
          .blockedNumbers(List.of(DialPattern.parse("1900NXXXXXX")))
          .frequency(new RateLimit(5, 1))
          .clock(clock)
          .build();

  private CallPolicy.Judgement call(String caller, String number) {
    return policy.decide(new CallAttempt(caller, "9" + number, number, clock.instant()));
  }

  @Test
  void theSixthCallInASecondIsDeniedAndTheNextSecondCountsAfresh() {
    for (int i = 1; i <= 5; i++) {
      assertTrue(call("1001", "4930123456").verdict().allowed(), "call " + i);
    }
    CallPolicy.Judgement sixth = call("1001", "4930123456");
    assertEquals("Outbound call frequency", sixth.rule());
    assertEquals("More than 5 outbound calls in 1 s", sixth.verdict().reason());
    assertTrue(call("1002", "4930123456").verdict().allowed(), "another extension counts alone");

    clock.advance(Duration.ofSeconds(1));
    assertTrue(call("1001", "4930123456").verdict().allowed());
  }

  @Test
  void callsDeniedBeforeAreNotCountedNorIsAskingWhy() {
    for (int i = 0; i < 10; i++) {
      assertEquals("Blocked numbers", call("1001", "19005551234").rule());
      policy.explain(new CallAttempt("1001", "94930123456", "4930123456", clock.instant()));
    }
    for (int i = 1; i <= 5; i++) {
      assertTrue(call("1001", "4930123456").verdict().allowed(), "call " + i);
    }
    assertFalse(call("1001", "4930123456").verdict().allowed());
  }

  @Test
  void askingWhyTellsAnExtensionAtItsLimitThatItsNextCallWouldBeDenied() {
    CallAttempt next = new CallAttempt("1001", "94930123456", "4930123456", clock.instant());
    for (int i = 1; i <= 4; i++) {
      call("1001", "4930123456");
    }
    assertTrue(policy.explain(next).get(5).verdict().allowed(), "a fifth call would go out");
    call("1001", "4930123456");
    CallPolicy.Judgement asked = policy.explain(next).get(5);
    assertEquals("Outbound call frequency", asked.rule());
    assertFalse(asked.verdict().allowed(), "a sixth would not");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(
        policy.explain(next).get(5).verdict().allowed(), "and allowed again in the next window");
  }

  @Test
  void withTheRuleOffNoCallIsCounted() {
    CallPolicy off = CallPolicy.builder().clock(clock).build();
    for (int i = 0; i < 50; i++) {
      assertTrue(
          off.decide(new CallAttempt("1001", "94930", "4930", clock.instant()))
              .verdict()
              .allowed());
    }
  }

  @Test
  void anExtensionFollowingACustomRuleIsCountedByItAloneAndShownAtItsLimit() {
    CallPolicy custom =
        CallPolicy.builder()
            .customFrequencies(
                Map.of("1003", new FrequencyLimit("Night shift", new RateLimit(2, 60))))
            .clock(clock)
            .build();
    CallAttempt night = new CallAttempt("1003", "94930", "4930", clock.instant());

    assertTrue(custom.decide(night).verdict().allowed());
    assertEquals(List.of(), custom.frequencyHolds(), "one call: not at the limit");
    assertTrue(custom.decide(night).verdict().allowed());
    assertEquals(
        List.of(new FrequencyHold("1003", "Night shift", 2, clock.instant().plusSeconds(60))),
        custom.frequencyHolds());
    CallPolicy.Judgement third = custom.decide(night);
    assertEquals("More than 2 outbound calls in 60 s (rule Night shift)", third.verdict().reason());
    for (int i = 0; i < 20; i++) {
      assertTrue(
          custom
              .decide(new CallAttempt("1001", "94930", "4930", clock.instant()))
              .verdict()
              .allowed(),
          "with the default rule off, an extension without a custom rule is not limited");
    }
    clock.advance(Duration.ofSeconds(60));
    assertTrue(custom.decide(night).verdict().allowed(), "a new window");
  }
}
