package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.routing.DialPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chain, table-driven: caller × dialled × what the route sends → the rule that decides. */
class CallPolicyTest {

  private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

  private final CallPolicy policy =
      CallPolicy.builder()
          .restricted(
              Map.of(
                  "1003", new OutboundRestrictions(true, false, false, null, null),
                  "1004", new OutboundRestrictions(false, false, true, null, null),
                  "1005", new OutboundRestrictions(false, false, false, 300, null)))
          .blockedNumbers(
              List.of(
                  DialPattern.parse("1900NXXXXXX"),
                  DialPattern.parse("00881."),
                  DialPattern.parse("+881.")))
          .maxCall(Duration.ofSeconds(3600))
          .build();

  @ParameterizedTest(name = "{0} dials {1} (sent as {2}): {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "1001, 9004930123456, 004930123456, -",
        "1001, 9019005551234, 019005551234, -",
        "1001, 919005551234, 19005551234, Blocked numbers",
        "1001, 900881123456, 00881123456, Blocked numbers",
        "1001, +88112345, +88112345, Blocked numbers",
        "1002, 9004930123456, -, Outbound route permission",
        "1002, 900881123456, -, Outbound route permission",
        "1003, 94930123456, 4930123456, Extension call restrictions",
        "1004, 94930123456, 4930123456, -",
        "1004, 9004930123456, 004930123456, Extension call restrictions",
        "1004, +4930123456, +4930123456, Extension call restrictions",
        "1004, 900881123456, 00881123456, Extension call restrictions",
      })
  void theFirstRuleThatDeniesDecides(String caller, String dialled, String sent, String rule) {
    CallPolicy.Judgement judged = policy.decide(new CallAttempt(caller, dialled, sent, NOON));

    assertEquals(rule, judged.rule());
    assertEquals(rule == null, judged.verdict().allowed());
    assertEquals(rule == null ? 0 : 403, judged.verdict().status());
  }

  @Test
  void explainingACallShowsEveryRulesVerdictInOrder() {
    List<CallPolicy.Judgement> all =
        policy.explain(new CallAttempt("1002", "00881123456", null, NOON));

    assertEquals(
        List.of(
            "Outbound route permission",
            "Route time condition",
            "Route PIN",
            "Extension call restrictions",
            "Blocked numbers"),
        all.stream().map(CallPolicy.Judgement::rule).toList());
    assertFalse(all.get(0).verdict().allowed(), "no route lists 1002");
    assertTrue(all.get(1).verdict().allowed(), "no route, no time condition");
    assertTrue(all.get(2).verdict().allowed(), "no route, no PIN");
    assertTrue(all.get(3).verdict().allowed(), "1002 has no restriction");
    assertFalse(all.get(4).verdict().allowed());
    assertTrue(all.get(4).verdict().reason().contains("00881."), all.get(4).verdict().reason());
  }

  @ParameterizedTest(name = "{0}, outbound {1}: {2} s")
  @CsvSource({"1001, true, 3600", "1005, true, 300", "1005, false, 3600", ", false, 3600"})
  void aCallLastsAtMostTheGlobalMaximumOrTheCallersShorterOutboundOne(
      String caller, boolean outbound, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), policy.maxDuration(caller, outbound));
  }

  @Test
  void anExtensionsLongerLimitDoesNotLiftTheGlobalOne() {
    CallPolicy policy =
        CallPolicy.builder()
            .restricted(Map.of("1001", new OutboundRestrictions(false, false, false, 86_400, null)))
            .build();

    assertEquals(CallPolicy.DEFAULT_MAX_CALL, policy.maxDuration("1001", true));
  }

  @Test
  void withoutBlockedNumbersOnlyThePermissionIsChecked() {
    CallPolicy.Judgement judged =
        CallPolicy.routesOnly().decide(new CallAttempt("1001", "900881", "00881", NOON));

    assertNull(judged.rule());
    assertTrue(judged.verdict().allowed());
  }
}
