package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log: each committed change an API client or administrator makes, with who, from where,
 * the request, and the changed fields before and after (secrets only as changed), on {@code
 * /api/v1/audit} and the Audit log page; a refused or rolled-back change leaves no entry and no
 * event.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void aTrunkChangeIsAuditedWithBeforeAndAfterButNeverItsPassword() throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/trunks",
            Json.createObjectBuilder()
                .add("name", "Audited trunk")
                .add("kind", "REGISTER")
                .add("host", "sip.example.net")
                .add("username", "4930555100")
                .add("password", "Trunk-Secret-One")
                .build());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject trunk = Http.object(created);
    long id = trunk.getJsonNumber("id").longValue();
    try {
      JsonObject create = awaitEntry("CREATE", id);
      assertEquals("service-account-it-administrator", create.getString("actor"));
      assertEquals("127.0.0.1", create.getString("sourceIp"));
      assertEquals("POST /api/v1/trunks", create.getString("request"));
      assertEquals(
          java.util.Arrays.asList(null, "sip.example.net"),
          pair(create.getJsonObject("changes"), "host"));

      long before = entries(id).size();
      Problems.assertProblem(
          400,
          send(
              "PUT",
              "/trunks/" + id,
              Json.createObjectBuilder(trunk).add("host", "bad host").build()),
          "host");
      HttpResponse<String> changed =
          send(
              "PUT",
              "/trunks/" + id,
              Json.createObjectBuilder(trunk)
                  .add("host", "sip2.example.net")
                  .add("password", "Trunk-Secret-Two")
                  .build());
      assertEquals(200, changed.statusCode(), changed.body());

      JsonObject update = awaitEntry("UPDATE", id);
      assertEquals(before + 1, entries(id).size(), "the refused change left no entry");
      JsonObject changes = update.getJsonObject("changes");
      assertEquals(List.of("sip.example.net", "sip2.example.net"), pair(changes, "host"));
      assertEquals(List.of("(secret)", "(secret, changed)"), pair(changes, "encryptedSecret"));
      assertFalse(changes.containsKey("name"), "only changed fields: " + changes);
      assertEquals(
          0,
          Database.count(
              "select count(*) from audit_log where changes like ? or changes like ?",
              "%Trunk-Secret-One%",
              "%Trunk-Secret-Two%"),
          "no password in the audit log");

      KeycloakAdmin.ensureUser("audit-reader", "Auditing-Reader-2026!", "administrator");
      Path session = WebLogin.signIn("audit-reader", "Auditing-Reader-2026!");
      try {
        String page = WebLogin.get(session, "/audit-log.xhtml").body();
        assertTrue(page.contains("host: sip.example.net → sip2.example.net"), "the page shows it");
        assertTrue(page.contains("encryptedSecret: (secret) → (secret, changed)"));
      } finally {
        Files.deleteIfExists(session);
      }
    } finally {
      send("DELETE", "/trunks/" + id, null);
    }
    assertEquals("DELETE", awaitEntry("DELETE", id).getString("action"));
  }

  @Test
  void ofRacingCreationsOnlyTheCommittedOneIsAnEventAndAnEntry() throws Exception {
    String number = "7771";
    int racers = 6;
    List<Integer> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        String name = "race" + i;
        int index = i;
        calls.add(
            () ->
                send(
                        "POST",
                        "/extensions",
                        ExtensionsApi.extension(
                            number, "Race " + number, name, "Wq7#mZp2vLx9!" + index, null))
                    .statusCode());
      }
      for (Future<Integer> status : pool.invokeAll(calls)) {
        statuses.add(status.get());
      }
    } finally {
      pool.shutdownNow();
    }
    long createdCount = statuses.stream().filter(s -> s == 201).count();
    assertEquals(1, createdCount, "one extension " + number + " exists: " + statuses);
    assertTrue(
        statuses.stream().allMatch(s -> s == 201 || s == 400 || s == 409),
        "the others are told why, none gets a server error: " + statuses);
    Thread.sleep(2000); // events and entries are written asynchronously
    assertEquals(
        createdCount,
        Database.count(
            "select count(*) from event_log where type = 'EXTENSION_CREATED' and detail like ?",
            "extension " + number + " %"),
        "an event for each committed creation only");
    assertEquals(
        createdCount,
        Database.count(
            "select count(*) from audit_log where entity = 'Extension' and action = 'CREATE'"
                + " and changes like ?",
            "%\"number\":[null,\"" + number + "\"]%"),
        "an audit entry for each committed creation only");
    JsonArray all = Http.array(send("GET", "/extensions", null));
    for (JsonObject extension : all.getValuesAs(JsonObject.class)) {
      if (extension.getString("number").equals(number)) {
        send("DELETE", "/extensions/" + extension.getJsonNumber("id").longValue(), null);
      }
    }
  }

  private static List<String> pair(JsonObject changes, String field) {
    JsonArray pair = changes.getJsonArray(field);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      values.add(pair.isNull(i) ? null : pair.getString(i));
    }
    return values;
  }

  private List<JsonObject> entries(long id) {
    return Http.object(send("GET", "/audit?entity=Trunk&limit=1000", null))
        .getJsonArray("entries")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(e -> e.getString("entityId").equals(Long.toString(id)))
        .toList();
  }

  private JsonObject awaitEntry(String action, long id) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonObject entry : entries(id)) {
        if (entry.getString("action").equals(action)) {
          return entry;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + action + " entry for trunk " + id + ": " + entries(id));
  }

  private HttpResponse<String> send(String method, String path, JsonObject body) {
    return Http.api(token, method, path, body);
  }
}
