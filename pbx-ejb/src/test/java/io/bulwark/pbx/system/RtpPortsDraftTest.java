package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class RtpPortsDraftTest {

  private static final RtpPorts NOW = new RtpPorts(30000, 40000);
  private static final List<PortUse> OTHERS =
      List.of(
          new PortUse("SIP (UDP and TCP)", 5060, 5060),
          new PortUse("the portal (HTTPS)", 8443, 8443));
  private static final IntPredicate FREE = port -> false;

  private static List<FieldViolation> violations(RtpPortsDraft draft, IntPredicate taken) {
    return draft.violations(NOW, OTHERS, taken);
  }

  @Test
  void aFreeRangeOfTwoHundredPortsOrMoreIsTaken() {
    assertEquals(List.of(), violations(new RtpPortsDraft(10000, 10199), FREE));
    assertEquals(List.of(), violations(new RtpPortsDraft(35000, 45000), FREE), "overlapping now");
  }

  @Test
  void portsOutOfRangeOrMissingAreRefusedByField() {
    assertEquals(
        List.of(
            new FieldViolation("rtpPortMin", "A port from 1024 to 65535"),
            new FieldViolation("rtpPortMax", "A port from 1024 to 65535")),
        violations(new RtpPortsDraft(1023, 65_536), FREE));
    assertEquals(2, violations(new RtpPortsDraft(null, null), FREE).size());
  }

  @Test
  void aRangeTooSmallOrBackwardsIsRefused() {
    assertEquals(
        List.of(new FieldViolation("rtpPortMax", "At least 200 ports, for 50 calls at once")),
        violations(new RtpPortsDraft(10000, 10198), FREE));
    assertEquals(
        List.of(new FieldViolation("rtpPortMax", "The last port comes after the first")),
        violations(new RtpPortsDraft(20000, 10000), FREE));
  }

  @Test
  void aRangeOverAnotherServicesPortNamesIt() {
    assertEquals(
        List.of(
            new FieldViolation(
                "rtpPortMin", "The range holds port 5060, used by SIP (UDP and TCP)")),
        violations(new RtpPortsDraft(5000, 5999), FREE));
    assertEquals(
        List.of(
            new FieldViolation(
                "rtpPortMin", "The range holds port 8443, used by the portal (HTTPS)")),
        violations(new RtpPortsDraft(8443, 9000), FREE),
        "its first port too");
  }

  @Test
  void aPortAnotherProgramHoldsIsRefusedButTheRelaysOwnAreNotLookedAt() {
    IntPredicate only10100 = port -> port == 10100;
    assertEquals(
        List.of(
            new FieldViolation(
                "rtpPortMin", "Port 10100 in the range is in use by another program")),
        violations(new RtpPortsDraft(10000, 10399), only10100));
    IntPredicate everyPort = port -> true;
    assertEquals(List.of(), violations(new RtpPortsDraft(30000, 39000), everyPort));
  }
}
