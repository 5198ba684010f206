package io.bulwark.pbx.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundRoutingTest {

  private static final InboundRule SALES_FROM_BERLIN =
      new InboundRule(
          1, "Sales Berlin", DialPattern.parse("4930555100"), DialPattern.parse("+4930X."), "2000");
  private static final InboundRule SALES =
      new InboundRule(2, "Sales", DialPattern.parse("4930555100"), null, "2001");
  private static final InboundRule SUPPORT_DIDS =
      new InboundRule(3, "Support", DialPattern.parse("49305552XX"), null, "2100");
  private static final InboundRule ANYTHING_ELSE =
      new InboundRule(4, "Reception", null, null, "2999");

  private final InboundRouting routing =
      new InboundRouting(List.of(SALES_FROM_BERLIN, SALES, SUPPORT_DIDS, ANYTHING_ELSE));

  @Test
  void theFirstRouteWhoseDidAndCallerPatternsMatchTakesTheCall() {
    assertEquals("2000", destination("4930555100", "+49301234567"));
    assertEquals("2001", destination("4930555100", "+4940123456"));
    assertEquals("2100", destination("4930555242", "+4940123456"));
  }

  @Test
  void anEmptyPatternTakesAnyNumberIncludingAWithheldCaller() {
    assertEquals("2999", destination("4930555999", "+4940123456"));
    assertEquals("2001", destination("4930555100", ""));
    assertEquals("2999", destination("", ""));
  }

  @Test
  void withoutARouteThatTakesItACallIsNotRouted() {
    assertEquals(
        Optional.empty(), new InboundRouting(List.of(SALES, SUPPORT_DIDS)).route("123", "456"));
    assertEquals(Optional.empty(), InboundRouting.NONE.route("4930555100", "456"));
  }

  private String destination(String did, String caller) {
    return routing.route(did, caller).orElseThrow().destination();
  }
}
