package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.testing.MutableClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolvedNamesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final Map<String, List<InetAddress>> zone = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private final ResolvedNames names =
      new ResolvedNames(
          name -> {
            asked.add(name);
            List<InetAddress> found = zone.get(name);
            if (found == null) {
              throw new UnknownHostException(name);
            }
            return found;
          },
          clock);

  private static InetAddress address(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void aNameIsLookedUpOnceAndThenAnsweredFromWhatWasFound() throws Exception {
    zone.put("sip.example.com", List.of(address("192.0.2.11"), address("192.0.2.10")));

    ResolvedNames.Resolution first = names.of("sip.example.com");
    ResolvedNames.Resolution second = names.of("sip.example.com");

    assertEquals(
        List.of(CidrBlock.parse("192.0.2.10"), CidrBlock.parse("192.0.2.11")), first.networks());
    assertNull(first.problem());
    assertEquals(first, second);
    assertEquals(List.of("sip.example.com"), asked);
  }

  @Test
  void aNameWithoutAddressStandsForNothingAndSaysWhy() {
    ResolvedNames.Resolution found = names.of("gone.example.com");

    assertEquals(List.of(), found.networks());
    assertTrue(found.problem().contains("gone.example.com"), found.problem());
  }

  @Test
  void aRefreshTellsWhetherAnyNameNowStandsForOtherAddresses() throws Exception {
    zone.put("sip.example.com", List.of(address("192.0.2.10"), address("192.0.2.11")));
    names.of("sip.example.com");

    zone.put("sip.example.com", List.of(address("192.0.2.11"), address("192.0.2.10")));
    assertFalse(names.refresh(List.of("sip.example.com")), "the same addresses, shuffled");

    zone.put("sip.example.com", List.of(address("198.51.100.7")));
    clock.advance(java.time.Duration.ofMinutes(5));
    assertTrue(names.refresh(List.of("sip.example.com")));
    assertEquals(List.of(CidrBlock.parse("198.51.100.7")), names.of("sip.example.com").networks());
    assertEquals(clock.instant(), names.of("sip.example.com").at());
  }

  @Test
  void aRefreshForgetsTheNamesNoRuleUsesAnyMore() throws Exception {
    zone.put("old.example.com", List.of(address("192.0.2.10")));
    names.of("old.example.com");

    names.refresh(List.of());
    names.of("old.example.com");

    assertEquals(List.of("old.example.com", "old.example.com"), asked);
  }
}
