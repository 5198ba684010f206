package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * System > Service ports for the media relay: a new RTP range makes rtpengine start again on it,
 * the call up is hung up first, the next call's audio is given a port there, the launcher's port
 * file and the event say so; a range too small, below 1024, over another service's port or over a
 * port another program holds is refused with the relay untouched.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RtpPortsIT {

  private static final String CHANGED =
      "select count(*) from event_log where type = 'RTP_PORTS_CHANGED'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  @SuppressWarnings("try") // The squatter only holds its port.
  void theMediaRelayMovesToANewRangeAndBadRangesAreRefused() throws Exception {
    JsonObject before = Http.object(Http.api(admin, "GET", "/system/rtp-ports", null));
    int min = before.getInt("rtpPortMin");
    int max = before.getInt("rtpPortMax");
    assertEquals(RtpEngineControl.portMin(), min, before.toString());
    assertEquals(RtpEngineControl.portMax(), max);
    assertTrue(before.getBoolean("managed"), "the suite's launcher starts the relay");
    long changes = Database.count(CHANGED);
    int relayPid = relayPid();

    // A range of the suite's own, below the ephemeral ports and beside the suite's other ports.
    int newMin = 20_000 + (TestEnvironment.sipPort() % 1000) * 2;
    int newMax = newMin + 399;
    try (DatagramSocket squatter =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), newMin + 1))) {
      for (Map.Entry<JsonObject, String> wrong :
          Map.of(
                  range(1000, 1999, before), "rtpPortMin",
                  range(newMin, newMin + 99, before), "rtpPortMax",
                  range(TestEnvironment.sipPort() - 100, TestEnvironment.sipPort() + 200, before),
                      "SIP",
                  range(newMin, newMax, before), "in use by another program")
              .entrySet()) {
        HttpResponse<String> refused = Http.api(admin, "PUT", "/system/rtp-ports", wrong.getKey());
        assertEquals(400, refused.statusCode(), wrong.getKey() + " " + refused.body());
        assertTrue(refused.body().contains(wrong.getValue()), refused.body());
      }
    }
    assertEquals(before, Http.object(Http.api(admin, "GET", "/system/rtp-ports", null)));
    assertEquals(changes, Database.count(CHANGED));
    assertEquals(relayPid, relayPid(), "the relay was left alone");

    // A call up loses its audio when the relay starts again, so it is hung up first.
    ExtensionsApi extensions = new ExtensionsApi(admin);
    extensions.createValid("3761", "rtp3761", "RtpCall3rSecret");
    extensions.createValid("3762", "rtp3762", "RtpCall3eSecret");
    int phone = TestEnvironment.freeSipPort();
    assertEquals(200, Sipp.registerAt("3762", "rtp3762", "RtpCall3eSecret", phone).finalStatus());
    Sipp.Answering callee = Sipp.answer(phone);
    Sipp.Answering caller = Sipp.callAndHold("3762", "rtp3761", "RtpCall3rSecret");
    CallsApi calls = new CallsApi(admin);
    calls.awaitTalking("3762");

    long started = System.nanoTime();
    HttpResponse<String> moved =
        Http.api(admin, "PUT", "/system/rtp-ports", range(newMin, newMax, before));
    long millis = (System.nanoTime() - started) / 1_000_000;
    try {
      assertEquals(200, moved.statusCode(), moved.body());
      assertEquals(200, caller.await().finalStatus(), "the caller was sent a BYE");
      assertEquals(200, callee.await().finalStatus(), "the callee was sent a BYE");
      assertEquals(
          "RTP ports changed", calls.recordsOf("3762").getJsonObject(0).getString("cause"));
      assertEquals(newMin, Http.object(moved).getInt("rtpPortMin"));
      int port = RtpEngineControl.offeredPort();
      assertTrue(newMin <= port && port <= newMax, "audio offered on port " + port);
      Database.awaitExactCount(
          changes + 1,
          CHANGED
              + " and detail = 'The media relay moved from RTP ports "
              + min
              + "-"
              + max
              + " to "
              + newMin
              + "-"
              + newMax
              + "'");
      String file = Files.readString(TestEnvironment.home().resolve("service-ports.env"));
      assertTrue(file.contains("BULWARK_RTPENGINE_PORT_MIN=" + newMin + "\n"), file);
      System.out.printf(
          "RTP range moved from %d-%d to %d-%d, the relay restarted and offering port %d, in %d"
              + " ms%n",
          min, max, newMin, newMax, port, millis);
    } finally {
      JsonObject now = Http.object(Http.api(admin, "GET", "/system/rtp-ports", null));
      HttpResponse<String> back = Http.api(admin, "PUT", "/system/rtp-ports", range(min, max, now));
      assertEquals(200, back.statusCode(), back.body());
    }
    int port = RtpEngineControl.offeredPort();
    assertTrue(min <= port && port <= max, "back on the suite's range: " + port);
  }

  private static int relayPid() throws Exception {
    return Integer.parseInt(
        Files.readString(TestEnvironment.home().resolve("run/rtpengine.pid")).strip());
  }

  private static JsonObject range(int min, int max, JsonObject read) {
    return Json.createObjectBuilder()
        .add("rtpPortMin", min)
        .add("rtpPortMax", max)
        .add("version", read.getInt("version"))
        .build();
  }
}
