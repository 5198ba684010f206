package io.bulwark.pbx.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.trunk.TrunkStatusBoard.State;
import io.bulwark.pbx.trunk.TrunkStatusBoard.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrunkStatusBoardTest {

  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
  private final TrunkStatusBoard board = new TrunkStatusBoard();

  @Test
  void aTrunkNeverReportedIsUnregistered() {
    assertEquals(new Status(State.UNREGISTERED, "", null), board.statusOf(1));
  }

  @Test
  void aRefreshKeepsTheTimeTheStateBeganAndAChangeStartsAnew() {
    board.report(1, State.REGISTERED, "200 OK", T0);
    board.report(1, State.REGISTERED, "200 OK", T0.plusSeconds(1800));
    assertEquals(new Status(State.REGISTERED, "200 OK", T0), board.statusOf(1));

    board.report(1, State.FAILED, "403 Forbidden", T0.plusSeconds(3600));
    assertEquals(
        new Status(State.FAILED, "403 Forbidden", T0.plusSeconds(3600)), board.statusOf(1));
  }

  @Test
  void aDeletedTrunksStatusIsForgotten() {
    board.report(1, State.REGISTERED, null, T0);
    board.follow(new TrunkChanged(1, "Provider", false));
    assertEquals(State.REGISTERED, board.statusOf(1).state());
    board.follow(new TrunkChanged(1, "Provider", true));
    assertEquals(State.UNREGISTERED, board.statusOf(1).state());
  }
}
