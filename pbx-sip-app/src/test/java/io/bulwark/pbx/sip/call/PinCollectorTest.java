package io.bulwark.pbx.sip.call;

import static io.bulwark.pbx.sip.call.PinCollector.Outcome.ACCEPTED;
import static io.bulwark.pbx.sip.call.PinCollector.Outcome.EXHAUSTED;
import static io.bulwark.pbx.sip.call.PinCollector.Outcome.MORE;
import static io.bulwark.pbx.sip.call.PinCollector.Outcome.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.routing.PinMode;
import io.bulwark.pbx.routing.RoutePin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PinCollectorTest {

  private final PinCollector collector =
      new PinCollector(new RoutePin(PinMode.LIST, Set.of("1234", "987654"), "list Sales"), 3);

  private List<PinCollector.Outcome> press(String keys) {
    List<PinCollector.Outcome> outcomes = new ArrayList<>();
    for (char key : keys.toCharArray()) {
      outcomes.add(collector.key(key));
    }
    return outcomes;
  }

  @Test
  void aPinAndHashAreAccepted() {
    assertEquals(List.of(MORE, MORE, MORE, MORE, ACCEPTED), press("1234#"));
    assertEquals("1234", collector.accepted());
  }

  @Test
  void theLongestPinNeedsNoHash() {
    assertEquals(ACCEPTED, press("987654").get(5));
  }

  @Test
  void starStartsAgainAndThreeWrongPinsEndIt() {
    assertEquals(List.of(MORE, MORE, MORE, MORE, MORE, MORE, WRONG), press("99*111#"));
    assertEquals(WRONG, collector.timedOut(), "nothing entered is a wrong PIN");
    assertEquals(EXHAUSTED, press("555555").get(5), "six digits: as long as the longest");
    assertEquals(MORE, collector.key('#'), "no attempt is left");
    assertEquals(null, collector.accepted());
  }
}
