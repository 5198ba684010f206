package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * System > Service ports, SSH access, through the helper (tools/bulwark-ssh) running an sshd of the
 * suite's own on loopback: off on a new system, on at the administrator's word (an SSH server
 * answers with its banner), off again (the port refuses), each change an event; a request without
 * {@code enabled} refused with nothing changed; the port moved live.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SshAccessIT {

  private static final String CHANGES =
      "select count(*) from event_log where type = 'SSH_ACCESS_CHANGED'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");
  private final int port = TestEnvironment.port("BULWARK_SSH_PORT", 10022);

  @Test
  void sshIsOffUntilTurnedOnThenAnswersAndIsOffAgainWhenTurnedOff() throws Exception {
    JsonObject fresh = Http.object(Http.api(admin, "GET", "/system/ssh-access", null));
    assertFalse(fresh.getBoolean("enabled"), fresh.toString());
    assertFalse(fresh.getBoolean("running"), fresh.toString());
    assertTrue(fresh.getBoolean("managed"), fresh.toString());
    assertEquals(port, fresh.getInt("port"));
    assertThrows(ConnectException.class, () -> banner(port));
    long changes = Database.count(CHANGES);

    HttpResponse<String> missing =
        Http.api(admin, "PUT", "/system/ssh-access", Json.createObjectBuilder().build());
    assertEquals(400, missing.statusCode(), missing.body());
    assertTrue(missing.body().contains("enabled"), missing.body());
    assertEquals(changes, Database.count(CHANGES));

    try {
      HttpResponse<String> on = Http.api(admin, "PUT", "/system/ssh-access", turned(true, fresh));
      assertEquals(200, on.statusCode(), on.body());
      assertTrue(Http.object(on).getBoolean("running"), on.body());
      assertTrue(banner(port).startsWith("SSH-2.0-"), "an SSH server answers");
      assertTrue(
          Http.object(Http.api(admin, "GET", "/system/ssh-access", null)).getBoolean("running"),
          "the state shown is the service's");
      Database.awaitExactCount(
          1,
          "select count(*) from event_log where type = 'SSH_ACCESS_CHANGED'"
              + " and detail = 'SSH access turned on, port "
              + port
              + "'");
    } finally {
      JsonObject now = Http.object(Http.api(admin, "GET", "/system/ssh-access", null));
      HttpResponse<String> off = Http.api(admin, "PUT", "/system/ssh-access", turned(false, now));
      assertEquals(200, off.statusCode(), off.body());
      assertFalse(Http.object(off).getBoolean("running"), off.body());
    }
    assertThrows(ConnectException.class, () -> banner(port));
    // The events are written after the answer, on a thread of their own.
    Database.awaitExactCount(changes + 2, CHANGES);
  }

  /**
   * The port moves with SSH on: the server answers on the new one at once and the old one refuses;
   * another service's port, a port another program listens on and no port at all are refused with
   * nothing changed; the move is an event, and the version it answers takes the next change.
   */
  @Test
  void thePortMovesLiveAndOnlyToAFreePort() throws Exception {
    JsonObject before = Http.object(Http.api(admin, "GET", "/system/ssh-access", null));
    assertEquals(port, before.getInt("port"));
    int moved = TestEnvironment.freePortOutside(before);
    int sip =
        before.getJsonArray("others").getValuesAs(JsonObject.class).stream()
            .filter(use -> use.getString("service").equals("SIP (UDP and TCP)"))
            .findFirst()
            .orElseThrow()
            .getInt("from");
    // Outside the other services' ports too, or the answer names the service instead.
    try (ServerSocket other =
        new ServerSocket(
            TestEnvironment.freePortOutside(before), 1, InetAddress.getLoopbackAddress())) {
      int busy = other.getLocalPort();
      for (var wrong :
          java.util.Map.of(
                  sip,
                  "Port " + sip + " is used by SIP (UDP and TCP)",
                  busy,
                  "Port " + busy + " is in use by another program",
                  70000,
                  "A port from 1 to 65535")
              .entrySet()) {
        HttpResponse<String> refused =
            Http.api(admin, "PUT", "/system/ssh-access", moved(true, wrong.getKey(), before));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(wrong.getValue()), refused.body());
      }
    }
    assertEquals(before, Http.object(Http.api(admin, "GET", "/system/ssh-access", null)));
    assertThrows(ConnectException.class, () -> banner(port), "still off");

    JsonObject now = before;
    try {
      long started = System.nanoTime();
      HttpResponse<String> on =
          Http.api(admin, "PUT", "/system/ssh-access", moved(true, moved, now));
      assertEquals(200, on.statusCode(), on.body());
      assertTrue(banner(moved).startsWith("SSH-2.0-"), "an SSH server answers on the new port");
      long millis = (System.nanoTime() - started) / 1_000_000;
      now = Http.object(on);
      assertEquals(moved, now.getInt("port"));
      assertThrows(ConnectException.class, () -> banner(port), "nothing on the old port");

      int back = TestEnvironment.freePortOutside(now);
      long again = System.nanoTime();
      HttpResponse<String> second =
          Http.api(admin, "PUT", "/system/ssh-access", moved(true, back, now));
      assertEquals(200, second.statusCode(), "the answered version takes the next change");
      assertTrue(banner(back).startsWith("SSH-2.0-"), "moved again while running");
      assertThrows(ConnectException.class, () -> banner(moved));
      System.out.printf(
          "SSH moved from port %d to %d with SSH off->on in %d ms, then to %d while running in %d"
              + " ms%n",
          port, moved, millis, back, (System.nanoTime() - again) / 1_000_000);
      now = Http.object(second);
      Database.awaitExactCount(
          1,
          "select count(*) from event_log where type = 'SSH_PORT_CHANGED'"
              + " and detail = 'SSH moved from port "
              + port
              + " to "
              + moved
              + "'");
    } finally {
      JsonObject current = Http.object(Http.api(admin, "GET", "/system/ssh-access", null));
      HttpResponse<String> reset =
          Http.api(admin, "PUT", "/system/ssh-access", moved(false, port, current));
      assertEquals(200, reset.statusCode(), reset.body());
    }
    JsonObject after = Http.object(Http.api(admin, "GET", "/system/ssh-access", null));
    assertEquals(port, after.getInt("port"));
    assertFalse(after.getBoolean("running"));
  }

  private static JsonObject turned(boolean enabled, JsonObject read) {
    return Json.createObjectBuilder()
        .add("enabled", enabled)
        .add("version", read.getInt("version"))
        .build();
  }

  private static JsonObject moved(boolean enabled, int port, JsonObject read) {
    return Json.createObjectBuilder(turned(enabled, read)).add("port", port).build();
  }

  /** The first line an SSH server sends (RFC 4253 section 4.2). */
  private static String banner(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
      socket.setSoTimeout(5_000);
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return new String(
              line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
          .strip();
    }
  }
}
