package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class WebPortsDraftTest {

  private static final WebPorts NOW = new WebPorts(8080, 8443);
  private static final List<PortUse> OTHERS =
      List.of(new PortUse("SIP (UDP and TCP)", 5060, 5060), new PortUse("RTP", 30000, 40000));
  private static final IntPredicate FREE = port -> false;

  private static List<FieldViolation> violations(WebPortsDraft draft, IntPredicate taken) {
    return draft.violations(NOW, OTHERS, taken);
  }

  @Test
  void freePortsOutsideTheOtherServicesAreTaken() {
    assertEquals(List.of(), violations(new WebPortsDraft(8081, 9443, null), FREE));
    assertEquals(120, new WebPortsDraft(8081, 9443, null).confirmWithin());
    assertEquals(30, new WebPortsDraft(8081, 9443, 30).confirmWithin());
  }

  @Test
  void portsOutOfRangeOrMissingAreRefusedByField() {
    assertEquals(
        List.of(
            new FieldViolation("httpsPort", "A port from 1 to 65535"),
            new FieldViolation("httpPort", "A port from 1 to 65535")),
        violations(new WebPortsDraft(0, 65_536, null), FREE));
    assertEquals(2, violations(new WebPortsDraft(null, null, null), FREE).size());
  }

  @Test
  void anotherServicesPortOrRangeIsNamed() {
    assertEquals(
        List.of(new FieldViolation("httpsPort", "Port 5060 is used by SIP (UDP and TCP)")),
        violations(new WebPortsDraft(8080, 5060, null), FREE));
    assertEquals(
        List.of(new FieldViolation("httpPort", "Port 35000 is in the range 30000-40000 of RTP")),
        violations(new WebPortsDraft(35000, 8443, null), FREE));
  }

  @Test
  void httpAndHttpsNeedPortsOfTheirOwn() {
    assertEquals(
        List.of(new FieldViolation("httpPort", "HTTP needs a port of its own")),
        violations(new WebPortsDraft(9443, 9443, null), FREE));
    assertEquals(
        List.of(new FieldViolation("httpPort", "HTTP needs a port of its own")),
        violations(new WebPortsDraft(8443, 8443, null), FREE),
        "even one the portal holds now");
  }

  @Test
  void aPortAnotherProgramHoldsIsRefusedButThePortalsOwnAreKept() {
    IntPredicate everyPortTaken = port -> true;
    assertEquals(
        List.of(new FieldViolation("httpsPort", "Port 9443 is in use by another program")),
        violations(new WebPortsDraft(8080, 9443, null), everyPortTaken));
    assertEquals(List.of(), violations(new WebPortsDraft(8443, 8080, null), everyPortTaken));
  }

  @Test
  void theConfirmationWindowIsBounded() {
    assertEquals(
        List.of(new FieldViolation("confirmSeconds", "From 10 to 600 seconds")),
        violations(new WebPortsDraft(8081, 9443, 9), FREE));
    assertEquals(1, violations(new WebPortsDraft(8081, 9443, 601), FREE).size());
  }
}
