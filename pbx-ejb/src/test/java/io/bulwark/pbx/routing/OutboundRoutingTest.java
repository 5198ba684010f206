package io.bulwark.pbx.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The guide's example: local, long-distance and international routes for different people. */
class OutboundRoutingTest {

  private static final OutboundRule LOCAL =
      new OutboundRule(
          1,
          "Local_Calls",
          List.of(DialPattern.parse("8X.", 1, "")),
          List.of(10L),
          Set.of("2000", "2001", "2002"),
          null,
          TimeCondition.ANY_TIME,
          RoutePin.NONE);
  private static final OutboundRule LONG_DISTANCE =
      new OutboundRule(
          2,
          "Long_Distance",
          List.of(DialPattern.parse("0X.", 0, "")),
          List.of(11L, 10L),
          Set.of("2000", "2001"),
          "+4930999",
          TimeCondition.BUSINESS_HOURS,
          RoutePin.NONE);
  private static final OutboundRule INTERNATIONAL =
      new OutboundRule(
          3,
          "International",
          List.of(DialPattern.parse("900X.", 1, ""), DialPattern.parse("9+X.", 1, "")),
          List.of(12L, 11L),
          Set.of("2000"),
          null,
          TimeCondition.ANY_TIME,
          RoutePin.NONE);

  private final OutboundRouting routing =
      new OutboundRouting(List.of(LOCAL, LONG_DISTANCE, INTERNATIONAL));

  @Test
  void theFirstRouteWhosePatternMatchesAndThatAdmitsTheCallerTakesTheCall() {
    assertEquals(
        Optional.of(
            new OutboundDecision(
                1,
                "Local_Calls",
                "5551234",
                List.of(10L),
                null,
                TimeCondition.ANY_TIME,
                RoutePin.NONE)),
        routing.route("2002", "85551234"));
    assertEquals(
        Optional.of(
            new OutboundDecision(
                2,
                "Long_Distance",
                "0301234",
                List.of(11L, 10L),
                "+4930999",
                TimeCondition.BUSINESS_HOURS,
                RoutePin.NONE)),
        routing.route("2001", "0301234"));
  }

  @Test
  void aLookupTellsANumberNoRouteTakesFromOneTheCallerMayNotUse() {
    assertEquals(new OutboundRouting.Lookup(false, null), routing.lookup("2000", "7123"));
    assertEquals(new OutboundRouting.Lookup(true, null), routing.lookup("2002", "0301234"));
    assertEquals(
        "0301234", routing.lookup("2001", "0301234").decision().number(), "a member is routed");
  }

  @Test
  void bulwarksOwnCallsTakeTheFirstRouteWhosePatternMatchesWhoeverItsMembers() {
    assertEquals("Long_Distance", routing.forSystem("0301234").orElseThrow().routeName());
    assertEquals("+49301234", routing.forSystem("9+49301234").orElseThrow().number());
    assertEquals(Optional.empty(), routing.forSystem("7123"));
  }

  @Test
  void aCallerWhoIsNoMemberIsNotRouted() {
    assertEquals(Optional.empty(), routing.route("2002", "0301234"));
    assertEquals(Optional.empty(), routing.route("2001", "90049301234"));
    assertEquals(Optional.empty(), routing.route("3000", "85551234"));
  }

  @Test
  void theFirstMatchingPatternOfARouteRewritesTheNumber() {
    assertEquals("0049301234", routing.route("2000", "90049301234").orElseThrow().number());
    assertEquals("+49301234", routing.route("2000", "9+49301234").orElseThrow().number());
  }

  @Test
  void aNumberNoPatternMatchesIsNotRouted() {
    assertEquals(Optional.empty(), routing.route("2000", "7123"));
    assertEquals(Optional.empty(), routing.route("2000", "8"));
  }

  @Test
  void orderDecidesBetweenRoutesThatBothApply() {
    OutboundRule everything =
        new OutboundRule(
            4,
            "Everything",
            List.of(DialPattern.parse(".")),
            List.of(13L),
            Set.of("2000"),
            null,
            TimeCondition.ANY_TIME,
            RoutePin.NONE);
    assertEquals(
        "Local_Calls",
        new OutboundRouting(List.of(LOCAL, everything))
            .route("2000", "812")
            .orElseThrow()
            .routeName());
    assertEquals(
        "Everything",
        new OutboundRouting(List.of(everything, LOCAL))
            .route("2000", "812")
            .orElseThrow()
            .routeName());
  }

  @Test
  void withoutRoutesNothingIsRouted() {
    assertEquals(Optional.empty(), OutboundRouting.NONE.route("2000", "85551234"));
  }

  @Test
  void aRouteAppliesOnlyToItsMembersAndPatterns() {
    assertEquals(Optional.of("0301234"), LONG_DISTANCE.numberFor("2000", "0301234"));
    assertEquals(Optional.empty(), LONG_DISTANCE.numberFor("2002", "0301234"));
    assertEquals(Optional.empty(), LONG_DISTANCE.numberFor("2000", "8301234"));
  }

  @Test
  void theNextTrunkIsTriedAfterATrunkFailureNotAfterTheCalleesAnswer() {
    assertTrue(Failover.triesNextTrunk(500));
    assertTrue(Failover.triesNextTrunk(503));
    assertTrue(Failover.triesNextTrunk(599));
    assertTrue(Failover.triesNextTrunk(408));
    assertFalse(Failover.triesNextTrunk(404));
    assertFalse(Failover.triesNextTrunk(486));
    assertFalse(Failover.triesNextTrunk(403));
    assertFalse(Failover.triesNextTrunk(603));
    assertFalse(Failover.triesNextTrunk(200));
  }
}
