package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * System > Service ports: SIP moved to another port while the server runs, phones registering there
 * at once and the old port silent, the administrator's session going on; ports out of range,
 * another service's or in use by another program refused with nothing moved.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServicePortsIT {

  private static final String MOVED =
      "select count(*) from event_log where type = 'SIP_PORTS_CHANGED'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void sipMovesToAnotherPortAtOnceAndTheAdministratorsSessionStays() throws Exception {
    new ExtensionsApi(admin).createValid("3751", "ports3751", "Ports8Secret");
    JsonObject before = Http.object(Http.api(admin, "GET", "/system/service-ports", null));
    int sip = before.getInt("sipPort");
    int tls = before.getInt("sipTlsPort");
    assertEquals(TestEnvironment.sipPort(), sip, before.toString());
    long moves = Database.count(MOVED);

    int https = Integer.parseInt(TestEnvironment.publicUrl().replaceAll(".*:", ""));
    try (DatagramSocket squatter =
        new DatagramSocket(
            TestEnvironment.freePortOutside(before), InetAddress.getLoopbackAddress())) {
      // A UDP port taken on loopback only: SIP binds every address, which it cannot have either.
      for (Map.Entry<JsonObject, String> wrong :
          Map.of(
                  ports(0, tls, before), "sipPort",
                  ports(70_000, tls, before), "sipPort",
                  ports(https, tls, before), "sipPort",
                  ports(sip, sip, before), "sipTlsPort",
                  ports(squatter.getLocalPort(), tls, before), "sipPort")
              .entrySet()) {
        HttpResponse<String> refused =
            Http.api(admin, "PUT", "/system/service-ports", wrong.getKey());
        assertEquals(400, refused.statusCode(), wrong.getKey() + " " + refused.body());
        assertTrue(refused.body().contains(wrong.getValue()), refused.body());
      }
    }
    assertEquals(before, Http.object(Http.api(admin, "GET", "/system/service-ports", null)));
    assertEquals(moves, Database.count(MOVED));
    assertNotNull(Probes.options("127.0.0.1", "before", sip), "SIP answers on its port");

    int moved = TestEnvironment.freePortOutside(before);
    long started = System.nanoTime();
    HttpResponse<String> move =
        Http.api(admin, "PUT", "/system/service-ports", ports(moved, tls, before));
    long millis = (System.nanoTime() - started) / 1_000_000;
    try {
      assertEquals(200, move.statusCode(), move.body());
      assertEquals(moved, Http.object(move).getInt("sipPort"));
      assertNotNull(Probes.options("127.0.0.1", "moved", moved), "SIP answers on the new port");
      assertNull(Probes.options("127.0.0.1", "old", sip), "the old port is silent");
      int phone = TestEnvironment.freeSipPort();
      assertEquals(
          200,
          Sipp.registerTo(
                  "127.0.0.1:" + moved, "3751", "ports3751", "Ports8Secret", "127.0.0.1", phone)
              .finalStatus());
      assertEquals(moves + 1, Database.count(MOVED));
      assertEquals(
          1,
          Database.count(
              "select count(*) from event_log where type = 'SIP_PORTS_CHANGED' and detail like"
                  + " 'SIP moved from UDP/TCP "
                  + sip
                  + "%to UDP/TCP "
                  + moved
                  + "%'"));
      // The same token goes on: the web ports did not move.
      assertEquals(200, Http.api(admin, "GET", "/extensions", null).statusCode());
      System.out.printf("SIP moved from port %d to %d in %d ms%n", sip, moved, millis);
    } finally {
      JsonObject now = Http.object(Http.api(admin, "GET", "/system/service-ports", null));
      HttpResponse<String> back =
          Http.api(admin, "PUT", "/system/service-ports", ports(sip, tls, now));
      assertEquals(200, back.statusCode(), back.body());
    }
    assertNotNull(Probes.options("127.0.0.1", "back", sip), "SIP is back on its port");
    assertNull(Probes.options("127.0.0.1", "gone", moved), "and no longer on the other");
  }

  private static JsonObject ports(int sip, int tls, JsonObject read) {
    return Json.createObjectBuilder()
        .add("sipPort", sip)
        .add("sipTlsPort", tls)
        .add("version", read.getInt("version"))
        .build();
  }
}
