package io.bulwark.pbx.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.trunk.TrunkStatusBoard.State;
import io.bulwark.pbx.trunk.TrunkStatusBoard.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrunkStatusBoardTest {

  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
  private final List<SecurityEvent> raised = new ArrayList<>();
  private final TrunkStatusBoard board =
      new TrunkStatusBoard(
          new SecurityEvents() {
            @Override
            public void fireAsync(SecurityEvent event) {
              raised.add(event);
            }
          });

  @Test
  void aTrunkNeverReportedIsUnregistered() {
    assertEquals(new Status(State.UNREGISTERED, "", null), board.statusOf(1));
  }

  @Test
  void aRefreshKeepsTheTimeTheStateBeganAndAChangeStartsAnew() {
    board.report(1, "Provider", State.REGISTERED, "200 OK", T0);
    board.report(1, "Provider", State.REGISTERED, "200 OK", T0.plusSeconds(1800));
    assertEquals(new Status(State.REGISTERED, "200 OK", T0), board.statusOf(1));

    board.report(1, "Provider", State.FAILED, "403 Forbidden", T0.plusSeconds(3600));
    assertEquals(
        new Status(State.FAILED, "403 Forbidden", T0.plusSeconds(3600)), board.statusOf(1));
  }

  @Test
  void aDeletedTrunksStatusIsForgotten() {
    board.report(1, "Provider", State.REGISTERED, null, T0);
    board.follow(new TrunkChanged(1, "Provider", false));
    assertEquals(State.REGISTERED, board.statusOf(1).state());
    board.follow(new TrunkChanged(1, "Provider", true));
    assertEquals(State.UNREGISTERED, board.statusOf(1).state());
  }

  @Test
  void aTrunkIsReportedDownOnceWhenItsRegistrationFailsAndUpWhenItRegistersAgain() {
    board.report(1, "Provider", State.REGISTERED, "200 OK", T0);
    assertEquals(List.of(), raised, "a trunk coming up the first time is no news");

    board.report(1, "Provider", State.FAILED, "403 Forbidden", T0.plusSeconds(60));
    board.report(1, "Provider", State.FAILED, "408 Request Timeout", T0.plusSeconds(120));
    board.report(1, "Provider", State.UNREGISTERED, "", T0.plusSeconds(150));
    board.report(1, "Provider", State.REGISTERED, "200 OK", T0.plusSeconds(180));
    board.report(1, "Provider", State.REGISTERED, "200 OK", T0.plusSeconds(240));

    assertEquals(
        List.of(EventType.TRUNK_DOWN, EventType.TRUNK_UP),
        raised.stream().map(SecurityEvent::type).toList());
    assertEquals("trunk Provider: 403 Forbidden", raised.get(0).detail());
    assertEquals(T0.plusSeconds(60), raised.get(0).occurredAt());
  }

  @Test
  void aTrunkThatNeverRegistersIsDown() {
    board.report(2, "Backup line", State.FAILED, "No answer", T0);

    assertEquals(List.of(EventType.TRUNK_DOWN), raised.stream().map(SecurityEvent::type).toList());
  }
}
