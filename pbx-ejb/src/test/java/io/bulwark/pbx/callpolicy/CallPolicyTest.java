package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.routing.DialPattern;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chain, table-driven: caller × dialled × what the route sends → the rule that decides. */
class CallPolicyTest {

  private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

  private final CallPolicy policy =
      CallPolicy.standard(
          List.of(
              DialPattern.parse("1900NXXXXXX"),
              DialPattern.parse("00881."),
              DialPattern.parse("+881.")));

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
        List.of("Outbound route permission", "Blocked numbers"),
        all.stream().map(CallPolicy.Judgement::rule).toList());
    assertTrue(all.stream().noneMatch(j -> j.verdict().allowed()), "both deny this call");
    assertTrue(all.get(1).verdict().reason().contains("00881."), all.get(1).verdict().reason());
  }

  @Test
  void withoutBlockedNumbersOnlyThePermissionIsChecked() {
    CallPolicy.Judgement judged =
        CallPolicy.routesOnly().decide(new CallAttempt("1001", "900881", "00881", NOON));

    assertNull(judged.rule());
    assertTrue(judged.verdict().allowed());
  }
}
