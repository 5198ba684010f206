package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SipPortsDraftTest {

  private static final SipPorts NOW = new SipPorts(5060, 5061);
  private static final List<PortUse> OTHERS =
      List.of(new PortUse("the portal (HTTPS)", 8443, 8443), new PortUse("RTP", 30000, 40000));
  private static final SipPortsDraft.PortProbe FREE = (port, udpToo) -> false;

  private static List<String> messages(SipPortsDraft draft, SipPortsDraft.PortProbe probe) {
    return draft.violations(NOW, OTHERS, probe).stream().map(FieldViolation::message).toList();
  }

  @Test
  void aFreePortOutsideTheOtherServicesIsTaken() {
    assertEquals(List.of(), messages(new SipPortsDraft(15062, 15063), FREE));
    assertEquals(List.of(), messages(new SipPortsDraft(15062, 0), FREE), "TLS may be off");
  }

  @Test
  void portsOutOfRangeOrMissingAreRefused() {
    assertEquals(
        List.of("A port from 1 to 65535", "A port from 1 to 65535, or 0 for no SIP over TLS"),
        messages(new SipPortsDraft(0, 65_536), FREE));
    assertEquals(2, messages(new SipPortsDraft(null, null), FREE).size());
  }

  @Test
  void anotherServicesPortOrRangeIsNamed() {
    assertEquals(
        List.of("Port 8443 is used by the portal (HTTPS)"),
        messages(new SipPortsDraft(8443, 5061), FREE));
    assertEquals(
        List.of("Port 35000 is in the range 30000-40000 of RTP"),
        messages(new SipPortsDraft(5060, 35000), FREE));
  }

  @Test
  void tlsNeedsAPortOfItsOwn() {
    assertEquals(
        List.of("TLS needs a port of its own"), messages(new SipPortsDraft(5070, 5070), FREE));
  }

  @Test
  void aPortAnotherProgramHoldsIsRefusedButSipKeepsItsOwn() {
    SipPortsDraft.PortProbe allTaken = (port, udpToo) -> true;
    assertEquals(
        List.of("Port 5070 is in use by another program"),
        messages(new SipPortsDraft(5070, 5061), allTaken));
    assertEquals(
        List.of(), messages(new SipPortsDraft(5061, 5060), allTaken), "SIP's own ports swap");
  }
}
