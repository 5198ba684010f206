package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class SshPortDraftTest {

  private static final int NOW = 22;
  private static final List<PortUse> OTHERS =
      List.of(
          new PortUse("SIP (UDP and TCP)", 5060, 5060),
          new PortUse("the media relay (RTP)", 30000, 40000));
  private static final IntPredicate FREE = port -> false;

  private static Optional<String> refusal(Integer port, IntPredicate taken) {
    return new SshPortDraft(port)
        .violation(NOW, OTHERS, taken)
        .map(violation -> violation.field() + ": " + violation.message());
  }

  @Test
  void aFreePortIsTakenAndSoIsTheOneSshHasThoughItIsInUse() {
    assertEquals(Optional.empty(), refusal(2222, FREE));
    assertEquals(Optional.empty(), refusal(1, FREE), "a privileged port: sshd runs as root");
    assertEquals(Optional.empty(), refusal(NOW, port -> true), "SSH holds its own port");
  }

  @Test
  void aPortOutOfRangeOrMissingIsRefused() {
    for (Integer port : new Integer[] {null, 0, -22, 65_536}) {
      assertEquals(Optional.of("port: A port from 1 to 65535"), refusal(port, FREE), "" + port);
    }
  }

  @Test
  void anotherServicesPortOrOneInItsRangeIsRefusedByName() {
    assertEquals(Optional.of("port: Port 5060 is used by SIP (UDP and TCP)"), refusal(5060, FREE));
    assertEquals(
        Optional.of("port: Port 31000 is in the range 30000-40000 of the media relay (RTP)"),
        refusal(31000, FREE));
  }

  @Test
  void aPortAnotherProgramListensOnIsRefused() {
    assertEquals(
        Optional.of("port: Port 8022 is in use by another program"),
        refusal(8022, port -> port == 8022));
    assertEquals(Optional.empty(), refusal(8023, port -> port == 8022));
  }
}
