package io.bulwark.pbx.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallDetailRecordTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final CallParties PARTIES = CallParties.betweenExtensions("1001", "Alice", "1002");

  @Test
  void aStartedSecondIsBilledAsAWholeOne() {
    CallDetailRecord up = CallDetailRecord.started("k", PARTIES, T0).answered(T0.plusSeconds(5));
    assertEquals(0, up.billableSeconds(), "nothing is billed while the call is up");
    assertEquals(
        1, up.hungUp(up.answeredAt().plusMillis(1), HangupSide.CALLER, "BYE").billableSeconds());
    assertEquals(
        60, up.hungUp(up.answeredAt().plusSeconds(60), HangupSide.CALLEE, "BYE").billableSeconds());
    assertEquals(
        61,
        up.hungUp(up.answeredAt().plusMillis(60_001), HangupSide.CALLEE, "BYE").billableSeconds());
  }

  @Test
  void anUnansweredCallBillsNothingAndSaysWhy() {
    CallDetailRecord busy =
        CallDetailRecord.started("k", PARTIES, T0)
            .refused(T0.plusSeconds(3), 486, HangupSide.CALLEE, "486 Busy Here");
    assertEquals(Disposition.BUSY, busy.disposition());
    assertEquals(0, busy.billableSeconds());
    assertTrue(busy.isEnded());
    assertFalse(busy.isAnswered());
    assertEquals("486 Busy Here", busy.cause());
  }

  @Test
  void refusalsMapToTheCallLogsDispositions() {
    assertEquals(Disposition.BUSY, Disposition.ofRefusal(600));
    assertEquals(Disposition.NO_ANSWER, Disposition.ofRefusal(487));
    assertEquals(Disposition.NO_ANSWER, Disposition.ofRefusal(408));
    assertEquals(Disposition.NO_ANSWER, Disposition.ofRefusal(480));
    assertEquals(Disposition.NO_ANSWER, Disposition.ofRefusal(603));
    assertEquals(Disposition.FAILED, Disposition.ofRefusal(404));
    assertEquals(Disposition.FAILED, Disposition.ofRefusal(503));
  }

  @Test
  void whatACallerWroteIsClippedToTheColumns() {
    CallParties long1 = CallParties.betweenExtensions("1001", "A".repeat(100), "9".repeat(200));
    assertEquals(64, long1.callerName().length());
    assertEquals(64, long1.dialled().length());
    CallDetailRecord r =
        CallDetailRecord.started("k", PARTIES, T0)
            .refused(T0, 404, HangupSide.SYSTEM, "x".repeat(300));
    assertEquals(128, r.cause().length());
  }

  @Test
  void aCallThroughATrunkKeepsItsPartiesAndNamesTheTrunk() {
    CallDetailRecord r = CallDetailRecord.started("k", PARTIES, T0).through("Provider");
    assertEquals("Provider", r.parties().trunk());
    assertEquals("1002", r.parties().callee());
    assertNull(r.parties().route());
  }
}
