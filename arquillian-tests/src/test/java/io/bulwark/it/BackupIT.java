package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Maintenance > Backup and Restore, round trip: a backup of the configuration and the call log, a
 * wipe (an extension deleted, another made, the call log emptied), and a restore that leaves every
 * table as it was before, row for row, the extensions' users, custom roles and API clients in
 * Keycloak included. A wrong passphrase and a flipped byte are refused before anything is touched.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupIT {

  private static final String PASSPHRASE = "Lighthouse keeper 2026";
  private static final int CALL_RECORDS = 2_000;
  private static final Set<String> NOT_BACKED_UP =
      Set.of(
          "flyway_schema_history",
          "registration_binding",
          "call_record_heartbeat",
          "event_log",
          "audit_log");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");
  private final ExtensionsApi extensions = new ExtensionsApi(admin);

  @Test
  void aRestoreAfterAWipeLeavesEveryTableAsItWas() throws Exception {
    long kept = extensions.createValid("6101", "backup6101", "Quiet#Tide-41x");
    long wiped = extensions.createValid("6102", "backup6102", "Quiet#Tide-42y");
    Database.execute(
        "INSERT INTO call_record (call_key, caller, callee, dialled, started_at, ended_at,"
            + " billable_seconds, disposition) SELECT CONCAT('backup-it-', seq), '6101', '6102',"
            + " '6102', TIMESTAMP('2026-11-30 08:00:00') + INTERVAL seq SECOND,"
            + " TIMESTAMP('2026-11-30 08:01:00') + INTERVAL seq SECOND, 60, 'ANSWERED' FROM seq_1_to_"
            + CALL_RECORDS);
    List<String> names = new ArrayList<>();
    String superAdmin = KeycloakAdmin.tokenWithRole("super-administrator");
    assertEquals(
        201,
        Http.api(
                superAdmin,
                "POST",
                "/roles",
                Json.createObjectBuilder()
                    .add("name", "backup-auditor")
                    .add("description", "Reads the call log")
                    .add("access", Json.createObjectBuilder().add("CALL_LOGS", "VIEW"))
                    .build())
            .statusCode());
    JsonObject keptClient = apiClient("backup-kept");
    List<Long> clients = new ArrayList<>(List.of(keptClient.getJsonNumber("id").longValue()));
    try {
      Problems.assertProblem(
          400, Http.api(admin, "POST", "/backups", backup("short")), "passphrase");
      String before = dump();
      HttpResponse<String> started = Http.api(admin, "POST", "/backups", backup(PASSPHRASE));
      assertEquals(202, started.statusCode(), started.body());
      assertTrue(
          started.headers().firstValue("Location").orElse("").endsWith("/api/v1/backups/progress"));
      JsonObject made = finished();
      assertFalse(made.getBoolean("failed"), made.toString());
      String name = made.getString("backup");
      names.add(name);
      assertEquals(before, dump(), "nothing changed while the backup was made");
      JsonObject listed =
          Http.array(Http.api(admin, "GET", "/backups", null))
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(b -> b.getString("name").equals(name))
              .findFirst()
              .orElseThrow();
      assertTrue(listed.getJsonNumber("rows").longValue() > CALL_RECORDS, listed.toString());

      extensions.delete(wiped);
      long extra = extensions.createValid("6103", "backup6103", "Quiet#Tide-43z");
      Database.execute("DELETE FROM call_record");
      assertEquals(204, Http.api(superAdmin, "DELETE", "/roles/backup-auditor", null).statusCode());
      JsonObject laterClient = apiClient("backup-later");
      clients.add(laterClient.getJsonNumber("id").longValue());
      assertEquals(200, tokenStatus(laterClient));
      String wipedDump = dump();
      assertNotEquals(before, wipedDump);

      HttpResponse<String> wrong =
          Http.api(
              admin, "POST", "/backups/" + name + "/restore", passphrase("Not the passphrase"));
      Problems.assertProblem(400, wrong, "passphrase");
      assertTrue(wrong.body().contains("passphrase is not the one"), wrong.body());
      assertEquals(wipedDump, dump(), "a wrong passphrase touched nothing");

      byte[] file =
          Http.bytes(
              Http.request(TestEnvironment.publicUrl() + "/api/v1/backups/" + name + "/file")
                  .header("Authorization", "Bearer " + admin));
      file[file.length / 2] ^= 0x01;
      HttpResponse<String> uploaded =
          Http.send(
              Http.authorized(TestEnvironment.publicUrl() + "/api/v1/backups/upload", admin)
                  .header("Content-Type", "application/octet-stream")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
      assertEquals(201, uploaded.statusCode(), uploaded.body());
      String flipped = Http.object(uploaded).getString("name");
      names.add(flipped);
      HttpResponse<String> changed =
          Http.api(admin, "POST", "/backups/" + flipped + "/restore", passphrase(PASSPHRASE));
      Problems.assertProblem(400, changed, "backup");
      assertTrue(changed.body().contains("changed after it was made"), changed.body());
      assertEquals(wipedDump, dump(), "a flipped byte touched nothing");

      JsonObject plan =
          Http.object(
              Http.api(admin, "POST", "/backups/" + name + "/check", passphrase(PASSPHRASE)));
      JsonObject calls =
          plan.getJsonArray("tables").getValuesAs(JsonObject.class).stream()
              .filter(t -> t.getString("table").equals("call_record"))
              .findFirst()
              .orElseThrow();
      assertEquals(0, calls.getJsonNumber("rowsNow").longValue());
      assertTrue(
          plan.getString("certificate").startsWith("installs the certificate of CN="),
          plan.toString());
      assertTrue(calls.getJsonNumber("rowsInBackup").longValue() >= CALL_RECORDS, calls.toString());
      assertEquals(wipedDump, dump(), "a check touched nothing");

      long restoreStarted = System.nanoTime();
      HttpResponse<String> restoring =
          Http.api(admin, "POST", "/backups/" + name + "/restore", passphrase(PASSPHRASE));
      assertEquals(202, restoring.statusCode(), restoring.body());
      JsonObject restored = finished();
      assertFalse(restored.getBoolean("failed"), restored.toString());
      assertTrue(restored.getString("outcome").contains("restored"), restored.toString());
      assertTrue(
          restored.getString("outcome").endsWith("; certificate installed"), restored.toString());
      String after = dump();
      System.out.printf(
          "Backup round trip: %d tables, %d lines differ after the restore; restore took %d ms%n",
          after.lines().filter(l -> l.startsWith("# ")).count(),
          diff(before, after),
          (System.nanoTime() - restoreStarted) / 1_000_000);
      assertEquals(before, after);

      assertEquals(200, extensions.get(wiped).statusCode());
      assertEquals(404, extensions.get(extra).statusCode());
      assertNotNull(KeycloakAdmin.realmUser("6102"), "the restored extension's user is back");
      assertNull(KeycloakAdmin.realmUser("6103"), "the user of the wiped-in extension is gone");
      assertEquals(
          200,
          KeycloakAdmin.admin("GET", "/bulwark/roles/backup-auditor", null).statusCode(),
          "the custom role is back in Keycloak");
      assertEquals(200, tokenStatus(keptClient), "an API client kept works on");
      assertEquals(
          401, tokenStatus(laterClient), "an API client the restore took away no longer works");

      long keptId = keptClient.getJsonNumber("id").longValue();
      assertEquals(204, Http.api(admin, "DELETE", "/api-clients/" + keptId, null).statusCode());
      assertEquals(401, tokenStatus(keptClient));
      assertEquals(
          202,
          Http.api(admin, "POST", "/backups/" + name + "/restore", passphrase(PASSPHRASE))
              .statusCode());
      JsonObject revived = finished();
      assertTrue(
          revived
              .getString("outcome")
              .contains("; 1 API clients need a new secret (renew it under API clients)"),
          revived.toString());
      assertEquals(401, tokenStatus(keptClient), "the revoked secret stays revoked");
      JsonObject renewed =
          Http.object(Http.api(admin, "POST", "/api-clients/" + keptId + "/secret", null));
      assertEquals(200, tokenStatus(renewed), "the restored client works with a renewed secret");
      for (String type : List.of("BACKUP_SUCCEEDED", "RESTORE_REFUSED", "BACKUP_RESTORED")) {
        assertTrue(
            Database.awaitCount(1, "select count(*) from event_log where type = ?", type) >= 1,
            type);
      }
    } finally {
      for (String name : names) {
        Http.api(admin, "DELETE", "/backups/" + name, null);
      }
      extensions.delete(kept);
      extensions.delete(wiped);
      for (long client : clients) {
        Http.api(admin, "DELETE", "/api-clients/" + client, null);
      }
      Http.api(superAdmin, "DELETE", "/roles/backup-auditor", null);
      Database.execute("DELETE FROM call_record WHERE call_key LIKE 'backup-it-%'");
    }
  }

  @Test
  void aScheduleNeedsAPassphraseAndSaysWhenItRunsNext() {
    JsonObject shipped = Http.object(Http.api(admin, "GET", "/backups/schedule", null));
    assertFalse(shipped.getBoolean("enabled"), "off on a new system");
    assertFalse(shipped.containsKey("nextRun"), shipped.toString());
    JsonObject weekly =
        Json.createObjectBuilder()
            .add("enabled", true)
            .add("frequency", "WEEKLY")
            .add("day", "SUNDAY")
            .add("at", "03:15")
            .add("keep", 4)
            .add("contents", Json.createArrayBuilder().add("CONFIGURATION"))
            .build();
    Problems.assertProblem(400, Http.api(admin, "PUT", "/backups/schedule", weekly), "passphrase");
    Problems.assertProblem(
        400,
        Http.api(
            admin,
            "PUT",
            "/backups/schedule",
            Json.createObjectBuilder(weekly)
                .add("at", "25:00")
                .add("passphrase", PASSPHRASE)
                .build()),
        "at");
    assertEquals(shipped, Http.object(Http.api(admin, "GET", "/backups/schedule", null)));
    try {
      HttpResponse<String> saved =
          Http.api(
              admin,
              "PUT",
              "/backups/schedule",
              Json.createObjectBuilder(weekly).add("passphrase", PASSPHRASE).build());
      assertEquals(200, saved.statusCode(), saved.body());
      JsonObject schedule = Http.object(saved);
      assertTrue(schedule.getBoolean("passphraseSet"));
      assertFalse(saved.body().contains(PASSPHRASE), "the passphrase is never shown");
      java.time.ZonedDateTime next =
          java.time.Instant.parse(schedule.getString("nextRun"))
              .atZone(
                  java.time.ZoneId.of(
                      Http.object(Http.api(admin, "GET", "/business-hours", null))
                          .getString("timeZone")));
      assertEquals(java.time.DayOfWeek.SUNDAY, next.getDayOfWeek());
      assertEquals(java.time.LocalTime.of(3, 15), next.toLocalTime());
    } finally {
      Http.api(
          admin,
          "PUT",
          "/backups/schedule",
          Json.createObjectBuilder(weekly).add("enabled", false).build());
    }
  }

  /** The progress once the backup or restore running has ended (within 60 s). */
  private JsonObject finished() throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonObject progress = Http.object(Http.api(admin, "GET", "/backups/progress", null));
    while (progress.getBoolean("running") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      progress = Http.object(Http.api(admin, "GET", "/backups/progress", null));
    }
    assertFalse(progress.getBoolean("running"), "ended within 60 s: " + progress);
    return progress;
  }

  /** Every backed-up table, row for row, in a fixed order. */
  private static String dump() {
    StringBuilder text = new StringBuilder();
    for (List<String> table :
        Database.query(
            "SELECT table_name, (SELECT COUNT(*) FROM information_schema.columns c"
                + " WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name)"
                + " FROM information_schema.tables t WHERE table_schema = DATABASE()"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      if (NOT_BACKED_UP.contains(table.get(0))) {
        continue;
      }
      StringBuilder order = new StringBuilder();
      for (int i = 1; i <= Integer.parseInt(table.get(1)); i++) {
        order.append(i == 1 ? "" : ",").append(i);
      }
      text.append("# ").append(table.get(0)).append('\n');
      for (List<String> row :
          Database.query("SELECT * FROM `" + table.get(0) + "` ORDER BY " + order)) {
        text.append(row).append('\n');
      }
    }
    return text.toString();
  }

  private static long diff(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    long differing = Math.abs(a.size() - b.size());
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) {
        differing++;
      }
    }
    return differing;
  }

  private static JsonObject backup(String passphrase) {
    return Json.createObjectBuilder()
        .add(
            "contents",
            Json.createArrayBuilder().add("CONFIGURATION").add("CALL_RECORDS").add("CERTIFICATES"))
        .add("passphrase", passphrase)
        .build();
  }

  /** Issues an API client with the operator's role; its answer holds clientId and secret. */
  private JsonObject apiClient(String name) {
    HttpResponse<String> issued =
        Http.api(
            admin,
            "POST",
            "/api-clients",
            Json.createObjectBuilder().add("name", name).add("role", "operator").build());
    assertEquals(201, issued.statusCode(), issued.body());
    return Http.object(issued);
  }

  private static int tokenStatus(JsonObject client) {
    return Http.send(
            Http.request(
                    TestEnvironment.publicUrl() + "/realms/bulwark/protocol/openid-connect/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + client.getString("clientId")
                            + "&client_secret="
                            + java.net.URLEncoder.encode(
                                client.getString("secret"),
                                java.nio.charset.StandardCharsets.UTF_8))))
        .statusCode();
  }

  private static JsonObject passphrase(String passphrase) {
    return Json.createObjectBuilder().add("passphrase", passphrase).build();
  }
}
