package io.bulwark.pbx.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** rtpengine's DTMF reports, as --dtmf-log-dest sends them, reach the party that listens. */
class DtmfEventsTest {

  @Test
  void aReportReachesThePartyThatPressedAndNoOtherCall() throws Exception {
    StringBuilder heard = new StringBuilder();
    StringBuilder other = new StringBuilder();
    try (DtmfEvents events = DtmfEvents.listen(new InetSocketAddress("127.0.0.1", 0))) {
      events.onKeys("c1", "tagA", key -> heard.append((char) key));
      events.onKeys("c2", "tagA", key -> other.append((char) key));
      events.dispatch(
          "{\"callid\":\"c1\",\"source_tag\":\"tagA\",\"tags\":[\"tagA\",\"tagB\"],"
              + "\"type\":\"DTMF\",\"timestamp\":1,\"source_ip\":\"127.0.0.1\",\"event\":5,"
              + "\"duration\":80,\"volume\":10}");
      events.dispatch(
          "{\"callid\":\"c1\",\"source_tag\":\"\",\"tags\":[\"tagA\"],\"type\":\"DTMF\","
              + "\"event\":11,\"duration\":80}");
      events.dispatch(
          "{\"callid\":\"c1\",\"source_tag\":\"tagB\",\"tags\":[\"tagA\",\"tagB\"],\"event\":1}");
      AutoCloseable gone = events.onKeys("c1", "tagC", key -> heard.append('!'));
      gone.close();
      events.dispatch("{\"callid\":\"c1\",\"source_tag\":\"tagC\",\"event\":2}");
    }

    assertEquals("5#", heard.toString(), "the key pressed, and # from a party not tied yet");
    assertEquals("", other.toString());
  }
}
