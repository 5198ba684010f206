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
import java.net.InetSocketAddress;
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
 * {@code enabled} refused with nothing changed.
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

  private static JsonObject turned(boolean enabled, JsonObject read) {
    return Json.createObjectBuilder()
        .add("enabled", enabled)
        .add("version", read.getInt("version"))
        .build();
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
