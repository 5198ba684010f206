package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * System > Service ports for the portal: a move opens the new ports beside the old ones, the
 * administrator's token works on both, and it is kept only when confirmed from the new HTTPS port,
 * after which the old HTTP port closes and the old HTTPS port serves Keycloak's sign-in pages only
 * (its address, the tokens' issuer, names that port until the next start), sending everything else
 * on to the new port; unconfirmed, a move is undone by itself. Keycloak's portal client and the
 * launcher's port file follow.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebPortsIT {

  private static final String EVENTS = "select count(*) from event_log where type = '%s'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void aMoveIsKeptOnlyWhenConfirmedFromTheNewPortAndTheSessionGoesWithIt() throws Exception {
    int https = TestEnvironment.port("BULWARK_HTTPS_PORT", 18443);
    int http = TestEnvironment.port("BULWARK_HTTP_PORT", 18080);
    JsonObject before = Http.object(api(https, "GET", "", null));
    assertEquals(https, before.getInt("httpsPort"), before.toString());
    assertEquals(http, before.getInt("httpPort"));
    long moving = events("WEB_PORTS_MOVING");

    try (ServerSocket squatter =
        new ServerSocket(
            TestEnvironment.freePortOutside(before), 50, InetAddress.getLoopbackAddress())) {
      for (Map.Entry<JsonObject, String> wrong :
          Map.of(
                  move(0, https, 60, before), "httpPort",
                  move(http, 70_000, 60, before), "httpsPort",
                  move(http, TestEnvironment.sipPort(), 60, before), "httpsPort",
                  move(http, http, 60, before), "httpPort",
                  move(http, squatter.getLocalPort(), 60, before), "httpsPort",
                  move(http, https, 5, before), "confirmSeconds")
              .entrySet()) {
        HttpResponse<String> refused = api(https, "PUT", "", wrong.getKey());
        assertEquals(400, refused.statusCode(), wrong.getKey() + " " + refused.body());
        assertTrue(refused.body().contains(wrong.getValue()), refused.body());
      }
    }
    assertEquals(before, Http.object(api(https, "GET", "", null)));
    assertEquals(moving, events("WEB_PORTS_MOVING"));

    int newHttps = TestEnvironment.freePortOutside(before);
    int newHttp = TestEnvironment.freePortOutside(before);
    long started = System.nanoTime();
    HttpResponse<String> asked = api(https, "PUT", "", move(newHttp, newHttps, 120, before));
    assertEquals(202, asked.statusCode(), asked.body());
    try {
      JsonObject pending = Http.object(asked).getJsonObject("pending");
      assertEquals(newHttps, pending.getInt("httpsPort"));
      assertEquals(https, Http.object(asked).getInt("httpsPort"), "still in force");
      // Both ports serve, with the same token; HTTP's new port sends browsers to the new HTTPS one.
      assertEquals(200, extensions(https).statusCode());
      assertEquals(200, extensions(newHttps).statusCode());
      HttpResponse<String> redirected =
          Http.send(Http.request("http://127.0.0.1:" + newHttp + "/index.xhtml"));
      assertEquals(302, redirected.statusCode(), redirected.headers().toString());
      assertTrue(
          redirected.headers().firstValue("Location").orElse("").contains(":" + newHttps + "/"),
          redirected.headers().toString());
      assertEquals(
          Set.of(TestEnvironment.publicUrl() + "/*", "https://localhost:" + newHttps + "/*"),
          portalRedirects());
      assertEquals(
          409,
          api(
                  https,
                  "PUT",
                  "",
                  move(http, TestEnvironment.freePortOutside(before), 60, Http.object(asked)))
              .statusCode(),
          "one move at a time");
      HttpResponse<String> fromOld =
          api(https, "POST", "/confirm", Json.createObjectBuilder().build());
      assertEquals(400, fromOld.statusCode(), fromOld.body());
      assertTrue(fromOld.body().contains(Integer.toString(newHttps)), fromOld.body());

      HttpResponse<String> kept =
          api(newHttps, "POST", "/confirm", Json.createObjectBuilder().build());
      assertEquals(200, kept.statusCode(), kept.body());
      assertEquals(newHttps, Http.object(kept).getInt("httpsPort"));
      assertFalse(Http.object(kept).containsKey("pending"), kept.body());
      awaitClosed(http);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(200, extensions(newHttps).statusCode(), "the token goes on at the new port");
      assertEquals(Set.of("https://localhost:" + newHttps + "/*"), portalRedirects());
      // Keycloak's address, every token's issuer, names the old port until the next start: its
      // sign-in pages stay there, and the portal's own requests are sent on to the new port.
      assertEquals(TestEnvironment.publicUrl() + "/realms/bulwark", issuer(https));
      assertEquals(TestEnvironment.publicUrl() + "/realms/bulwark", issuer(newHttps));
      HttpResponse<String> signIn =
          Http.send(
              Http.request("https://localhost:" + newHttps + "/index.xhtml")
                  .header("Accept", "text/html"));
      String login = signIn.headers().firstValue("Location").orElse("");
      assertTrue(
          login.startsWith(TestEnvironment.publicUrl() + "/realms/bulwark/")
              && login.contains("redirect_uri=https%3A%2F%2Flocalhost%3A" + newHttps),
          "a browser at the new port signs in at Keycloak's address: " + login);
      HttpResponse<String> loginPage = Http.send(Http.request(login));
      assertEquals(200, loginPage.statusCode(), "Keycloak takes the new port's return address");
      assertTrue(loginPage.body().contains("id=\"username\""), loginPage.body());
      HttpResponse<String> sentOn = extensions(https);
      assertEquals(308, sentOn.statusCode(), sentOn.headers().toString());
      assertEquals(
          "https://localhost:" + newHttps + "/api/v1/extensions",
          sentOn.headers().firstValue("Location").orElse(""));
      Database.awaitExactCount(
          1,
          "select count(*) from event_log where type = 'WEB_PORTS_CHANGED' and detail ="
              + " 'The portal moved from HTTPS "
              + https
              + ", HTTP "
              + http
              + " to HTTPS "
              + newHttps
              + ", HTTP "
              + newHttp
              + "'");
      String file = Files.readString(TestEnvironment.home().resolve("service-ports.env"));
      assertTrue(file.contains("BULWARK_HTTPS_PORT=" + newHttps + "\n"), file);
      System.out.printf(
          "Portal moved from HTTPS %d to %d, confirmed there and the old HTTP port closed, in %d"
              + " ms%n",
          https, newHttps, millis);
    } finally {
      moveBack(https, http, newHttps);
    }
    assertEquals(200, extensions(https).statusCode());
    awaitClosed(newHttps);
    awaitClosed(newHttp);
    assertEquals(Set.of(TestEnvironment.publicUrl() + "/*"), portalRedirects());
    assertEquals(TestEnvironment.publicUrl() + "/realms/bulwark", issuer(https));
  }

  @Test
  void anUnconfirmedMoveIsUndoneWhenItsTimeIsUp() throws Exception {
    int https = TestEnvironment.port("BULWARK_HTTPS_PORT", 18443);
    JsonObject before = Http.object(api(https, "GET", "", null));
    long reverted = events("WEB_PORTS_REVERTED");
    int newHttps = TestEnvironment.freePortOutside(before);
    HttpResponse<String> asked =
        api(https, "PUT", "", move(before.getInt("httpPort"), newHttps, 10, before));
    assertEquals(202, asked.statusCode(), asked.body());
    assertEquals(200, extensions(newHttps).statusCode());
    long started = System.nanoTime();
    awaitClosed(newHttps);
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    // The listener closes inside the transaction that forgets the move, just before its commit.
    JsonObject after = Http.object(api(https, "GET", "", null));
    for (int read = 0; after.containsKey("pending") && read < 50; read++) {
      Thread.sleep(100);
      after = Http.object(api(https, "GET", "", null));
    }
    assertFalse(after.containsKey("pending"), after.toString());
    assertEquals(https, after.getInt("httpsPort"));
    assertEquals(200, extensions(https).statusCode());
    Database.awaitExactCount(
        reverted + 1, "select count(*) from event_log where type = 'WEB_PORTS_REVERTED'");
    assertEquals(Set.of(TestEnvironment.publicUrl() + "/*"), portalRedirects());
    System.out.printf(
        "Unconfirmed move to HTTPS %d undone by itself %d s after it was open%n",
        newHttps, seconds);
  }

  private void moveBack(int https, int http, int from) {
    moveBack(admin, https, http, from);
  }

  /**
   * Moves the portal back to {@code https} and {@code http} from the port it is at, {@code from},
   * unless it is back already: what a test that moved it leaves behind.
   */
  static void moveBack(String token, int https, int http, int from) {
    // The port the suite started on stays open, sending the API on while the portal is elsewhere.
    if (api(token, https, "GET", "", null).statusCode() == 200) {
      return;
    }
    JsonObject now = Http.object(api(token, from, "GET", "", null));
    if (now.containsKey("pending")) {
      return; // undone by itself within its window
    }
    HttpResponse<String> back = api(token, from, "PUT", "", move(http, https, 60, now));
    assertEquals(202, back.statusCode(), back.body());
    HttpResponse<String> kept =
        api(token, https, "POST", "/confirm", Json.createObjectBuilder().build());
    assertEquals(200, kept.statusCode(), kept.body());
  }

  private HttpResponse<String> api(int port, String method, String path, JsonObject body) {
    return api(admin, port, method, path, body);
  }

  private static HttpResponse<String> api(
      String token, int port, String method, String path, JsonObject body) {
    return Http.send(
        Http.authorized("https://localhost:" + port + "/api/v1/system/web-ports" + path, token)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body)));
  }

  private HttpResponse<String> extensions(int port) {
    return Http.send(
        Http.authorized("https://localhost:" + port + "/api/v1/extensions", admin).GET());
  }

  /** The issuer Keycloak's discovery names through the portal at {@code port}. */
  private static String issuer(int port) {
    return Http.object(
            Http.send(
                Http.request(
                    "https://localhost:"
                        + port
                        + "/realms/bulwark/.well-known/openid-configuration")))
        .getString("issuer");
  }

  /** The portal client's redirect URIs, which Keycloak keeps in no particular order. */
  private static Set<String> portalRedirects() {
    HttpResponse<String> found =
        KeycloakAdmin.admin("GET", "/bulwark/clients?clientId=bulwark-portal", null);
    return Http.array(found)
        .getJsonObject(0)
        .getJsonArray("redirectUris")
        .getValuesAs(jakarta.json.JsonString.class)
        .stream()
        .map(jakarta.json.JsonString::getString)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Waits up to 30 s for nothing to accept connections on the loopback port. */
  private static void awaitClosed(int port) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      } catch (IOException refused) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("port " + port + " still accepts connections after 30 s");
  }

  private static long events(String type) {
    return Database.count(String.format(EVENTS, type));
  }

  private static JsonObject move(int http, int https, int seconds, JsonObject read) {
    return Json.createObjectBuilder()
        .add("httpPort", http)
        .add("httpsPort", https)
        .add("confirmSeconds", seconds)
        .add("version", read.getInt("version"))
        .build();
  }
}
