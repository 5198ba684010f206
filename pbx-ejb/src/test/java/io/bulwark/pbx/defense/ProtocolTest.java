package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProtocolTest {

  @Test
  void aRuleForOneProtocolCoversOnlyItsPackets() {
    assertTrue(Protocol.UDP.covers(Protocol.UDP));
    assertFalse(Protocol.UDP.covers(Protocol.TCP));
    assertTrue(Protocol.TCP.covers(Protocol.TCP));
    assertFalse(Protocol.TCP.covers(Protocol.UDP));
  }

  @Test
  void aRuleForBothCoversEveryPacket() {
    assertTrue(Protocol.BOTH.covers(Protocol.UDP));
    assertTrue(Protocol.BOTH.covers(Protocol.TCP));
  }

  @Test
  void labelsAreWhatTheGuideShows() {
    assertEquals("UDP", Protocol.UDP.getLabel());
    assertEquals("TCP", Protocol.TCP.getLabel());
    assertEquals("Both", Protocol.BOTH.getLabel());
  }
}
