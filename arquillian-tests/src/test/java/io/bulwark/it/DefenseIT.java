package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Blocked IPs through {@code /api/v1/defense/blocked}: a blocked source gets no SIP answer while
 * others do, the block and its lifting are events, and nobody can block the address they use.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DefenseIT {

  private static final String ATTACKER = "127.0.0.77";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void aBlockedSourceGetsNoAnswerUntilTheBlockIsLifted() {
    assertNotNull(options(ATTACKER, "before"), "answered before the block");

    HttpResponse<String> blocked = block(ATTACKER, "IT: a scanner", 30);
    assertEquals(201, blocked.statusCode(), blocked.body());
    JsonObject created = Http.object(blocked);
    long id = created.getJsonNumber("id").longValue();
    assertEquals("MANUAL", created.getString("defenseType"));
    assertTrue(created.getBoolean("active"));
    assertFalse(created.isNull("until"), "a block for 30 minutes has an end");

    assertNull(options(ATTACKER, "blocked"), "a blocked source gets nothing");
    assertNotNull(options("127.0.0.1", "others"), "other sources are answered as before");
    assertTrue(send("GET", "/defense/blocked", null).body().contains(ATTACKER));
    assertEquals(
        1,
        Database.count(
            "select count(*) from event_log where type = 'SOURCE_BLOCKED' and source_ip = ?",
            ATTACKER));

    assertEquals(204, send("DELETE", "/defense/blocked/" + id, null).statusCode());
    assertNotNull(options(ATTACKER, "after"), "answered again once the block is lifted");
    assertEquals(
        1,
        Database.count(
            "select count(*) from event_log where type = 'SOURCE_UNBLOCKED' and source_ip = ?",
            ATTACKER));
    Problems.assertProblem(404, send("DELETE", "/defense/blocked/" + id, null));
  }

  @Test
  void aBlockThatWouldShutOutTheCallerOrThatIsMalformedIsRefusedAndChangesNothing() {
    long before = Database.count("select count(*) from blocked_source");
    Problems.assertProblem(400, block("127.0.0.0/8", "oops", null), "source");
    Problems.assertProblem(400, block("scanner.example.com", "x", null), "source");
    Problems.assertProblem(400, block("203.0.113.9", "x", 0), "minutes");
    assertEquals(before, Database.count("select count(*) from blocked_source"));
  }

  private HttpResponse<String> block(String source, String reason, Integer minutes) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("source", source).add("reason", reason);
    if (minutes != null) {
      body.add("minutes", minutes);
    }
    return send("POST", "/defense/blocked", body.build());
  }

  private static String options(String source, String tag) {
    return RawSip.exchange(
        source,
        "OPTIONS sip:127.0.0.1 SIP/2.0\n"
            + "Via: SIP/2.0/UDP "
            + source
            + ":$PORT;branch=z9hG4bK-defense-"
            + tag
            + System.nanoTime()
            + "\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:probe@"
            + source
            + ">;tag="
            + tag
            + "\n"
            + "To: <sip:127.0.0.1>\n"
            + "Call-ID: defense-"
            + tag
            + System.nanoTime()
            + "\n"
            + "CSeq: 1 OPTIONS\n"
            + "Content-Length: 0\n\n");
  }

  private HttpResponse<String> send(String method, String path, JsonStructure body) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body);
    return Http.send(
        Http.request(TestEnvironment.publicUrl() + "/api/v1" + path)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, publisher));
  }
}
