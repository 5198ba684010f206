package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The permission matrix, checked from outside against the specification below (not against the
 * code's own table): every built-in role against every operation the OpenAPI document lists and
 * every portal page. A read needs view access to the operation's area, anything else edit access;
 * an allowed change is sent a body that cannot be read, so it answers 400 (or 404 for a record that
 * does not exist) and changes nothing, while a refused one answers 403 before the body is read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private static final String[] AREAS = {
    "EXTENSIONS",
    "TRUNKS",
    "CALL_CONTROL",
    "CALL_SECURITY",
    "SECURITY",
    "CALL_LOGS",
    "EVENT_LOGS",
    "SYSTEM",
    "ROLES"
  };

  /** The guide's seven roles: access per area in the order of {@link #AREAS}; - none, V, E. */
  private static final Map<String, String> MATRIX = new LinkedHashMap<>();

  static {
    MATRIX.put("super-administrator", "EEEEEEEEE");
    MATRIX.put("administrator", "EEEEEEEEV");
    MATRIX.put("supervisor", "V-VVVVV--");
    MATRIX.put("operator", "EVEV-VV--");
    MATRIX.put("employee", "---------");
    MATRIX.put("human-resource", "E--------");
    MATRIX.put("accounting", "---V-V---");
  }

  /** API paths (after /api/v1) to their area, by prefix; the longest prefix decides. */
  private static final Map<String, String> API_AREAS =
      Map.ofEntries(
          Map.entry("/extensions", "EXTENSIONS"),
          Map.entry("/extension-groups", "EXTENSIONS"),
          Map.entry("/registrations", "EXTENSIONS"),
          Map.entry("/trunks", "TRUNKS"),
          Map.entry("/inbound-routes", "CALL_CONTROL"),
          Map.entry("/outbound-routes", "CALL_CONTROL"),
          Map.entry("/business-hours", "CALL_CONTROL"),
          Map.entry("/pin-lists", "CALL_CONTROL"),
          Map.entry("/blocked-numbers", "CALL_SECURITY"),
          Map.entry("/call-policy", "CALL_SECURITY"),
          Map.entry("/defense", "SECURITY"),
          Map.entry("/dashboard", "SECURITY"),
          Map.entry("/cdrs", "CALL_LOGS"),
          Map.entry("/calls", "CALL_LOGS"),
          Map.entry("/events", "EVENT_LOGS"),
          Map.entry("/event-notification", "EVENT_LOGS"),
          Map.entry("/audit", "EVENT_LOGS"),
          Map.entry("/system", "SYSTEM"),
          Map.entry("/api-clients", "SYSTEM"),
          Map.entry("/mail", "SYSTEM"),
          Map.entry("/backups", "SYSTEM"),
          Map.entry("/sso", "SYSTEM"),
          Map.entry("/login-links", "EXTENSIONS"),
          Map.entry("/roles", "ROLES"),
          Map.entry("/two-factor", "ROLES"));

  private static final Map<String, String> PAGE_AREAS =
      Map.ofEntries(
          Map.entry("/extensions.xhtml", "EXTENSIONS"),
          Map.entry("/extension-groups.xhtml", "EXTENSIONS"),
          Map.entry("/trunks.xhtml", "TRUNKS"),
          Map.entry("/roles.xhtml", "ROLES"),
          Map.entry("/inbound-routes.xhtml", "CALL_CONTROL"),
          Map.entry("/outbound-routes.xhtml", "CALL_CONTROL"),
          Map.entry("/business-hours.xhtml", "CALL_CONTROL"),
          Map.entry("/pin-lists.xhtml", "CALL_CONTROL"),
          Map.entry("/blocked-numbers.xhtml", "CALL_SECURITY"),
          Map.entry("/call-security.xhtml", "CALL_SECURITY"),
          Map.entry("/frequency-rules.xhtml", "CALL_SECURITY"),
          Map.entry("/country-codes.xhtml", "CALL_SECURITY"),
          Map.entry("/security-overview.xhtml", "SECURITY"),
          Map.entry("/static-defense.xhtml", "SECURITY"),
          Map.entry("/auto-defense.xhtml", "SECURITY"),
          Map.entry("/allowed-access.xhtml", "SECURITY"),
          Map.entry("/blocked-ips.xhtml", "SECURITY"),
          Map.entry("/active-calls.xhtml", "CALL_LOGS"),
          Map.entry("/cdrs.xhtml", "CALL_LOGS"),
          Map.entry("/events.xhtml", "EVENT_LOGS"),
          Map.entry("/event-notification.xhtml", "EVENT_LOGS"),
          Map.entry("/audit-log.xhtml", "EVENT_LOGS"),
          Map.entry("/certificate.xhtml", "SYSTEM"),
          Map.entry("/api-clients.xhtml", "SYSTEM"),
          Map.entry("/mail.xhtml", "SYSTEM"),
          Map.entry("/backups.xhtml", "SYSTEM"),
          Map.entry("/service-ports.xhtml", "SYSTEM"),
          Map.entry("/upgrade.xhtml", "SYSTEM"),
          Map.entry("/microsoft-sign-in.xhtml", "SYSTEM"));

  private static char access(String role, String area) {
    return MATRIX.get(role).charAt(List.of(AREAS).indexOf(area));
  }

  private static boolean allows(char access, boolean change) {
    return change ? access == 'E' : access != '-';
  }

  private static String apiArea(String path) {
    String best = null;
    for (String prefix : API_AREAS.keySet()) {
      if ((path.equals(prefix) || path.startsWith(prefix + "/"))
          && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    if (best == null) {
      throw new AssertionError("The API operation " + path + " has no area in this test's matrix");
    }
    return API_AREAS.get(best);
  }

  /** Every operation of the API as the OpenAPI document lists it: "GET /extensions/{id}". */
  private static List<String[]> operations() {
    HttpResponse<String> document =
        Http.send(
            Http.request(TestEnvironment.publicUrl() + "/openapi")
                .header("Accept", "application/json"));
    assertEquals(200, document.statusCode());
    JsonObject paths = Http.object(document).getJsonObject("paths");
    List<String[]> operations = new ArrayList<>();
    for (String path : new TreeSet<>(paths.keySet())) {
      for (String method : paths.getJsonObject(path).keySet()) {
        if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
          operations.add(new String[] {method.toUpperCase(), path.replaceFirst("^/api/v1", "")});
        }
      }
    }
    return operations;
  }

  @Test
  void everyBuiltInRoleGetsExactlyItsAccessToEveryApiOperation() {
    List<String[]> operations = operations();
    assertTrue(operations.size() > 60, "the OpenAPI document lists the API: " + operations.size());
    List<String> unexpected = new ArrayList<>();
    int checked = 0;
    for (String role : MATRIX.keySet()) {
      String token = KeycloakAdmin.tokenWithRole(role);
      for (String[] operation : operations) {
        String method = operation[0];
        String path = operation[1];
        boolean change = !method.equals("GET");
        boolean allowed = allows(access(role, apiArea(path)), change);
        String concrete = path.replaceAll("\\{[^}]+\\}", "0");
        HttpRequest.Builder request =
            Http.authorized(TestEnvironment.publicUrl() + "/api/v1" + concrete, token);
        if (change) {
          request.header("Content-Type", "application/json");
        }
        int status =
            Http.send(
                    request.method(
                        method,
                        change
                            ? HttpRequest.BodyPublishers.ofString("[")
                            : HttpRequest.BodyPublishers.noBody()))
                .statusCode();
        boolean ok = allowed ? status != 403 && status != 401 && status < 500 : status == 403;
        if (!ok) {
          unexpected.add(role + " " + method + " " + concrete + " -> " + status);
        }
        checked++;
      }
    }
    System.out.printf(
        "Authorization matrix: %d roles x %d operations = %d requests, %d unexpected%n",
        MATRIX.size(), operations.size(), checked, unexpected.size());
    assertEquals(List.of(), unexpected);
  }

  @Test
  void everyBuiltInRoleSeesExactlyItsPagesAndMenu() throws Exception {
    List<String> unexpected = new ArrayList<>();
    for (String role : MATRIX.keySet()) {
      String user = "matrix-" + role;
      KeycloakAdmin.ensureUser(user, "Role-" + role + "-2026!", role);
      Path session = WebLogin.signIn(user, "Role-" + role + "-2026!");
      try {
        Probes.Answer dashboard = WebLogin.get(session, "/index.xhtml");
        assertEquals(200, dashboard.status(), role + " sees the dashboard");
        assertEquals(
            200,
            WebLogin.get(session, "/jakarta.faces.resource/core.js.xhtml?ln=primefaces").status(),
            role + " gets the pages' scripts");
        for (Map.Entry<String, String> page : PAGE_AREAS.entrySet()) {
          boolean allowed = allows(access(role, page.getValue()), false);
          int status = WebLogin.get(session, page.getKey()).status();
          if (status != (allowed ? 200 : 403)) {
            unexpected.add(role + " GET " + page.getKey() + " -> " + status);
          }
          String link = "href=\"" + page.getKey() + "\"";
          if (dashboard.body().contains(link) != allowed) {
            unexpected.add(role + " menu " + (allowed ? "lacks " : "shows ") + page.getKey());
          }
        }
      } finally {
        Files.deleteIfExists(session);
      }
    }
    assertEquals(List.of(), unexpected);
  }

  @Test
  void aCustomRoleLackingAPermissionGets403AndNoMenuEntry() throws Exception {
    String superAdmin = KeycloakAdmin.tokenWithRole("super-administrator");
    HttpResponse<String> created =
        send(
            superAdmin,
            "POST",
            "/roles",
            Json.createObjectBuilder()
                .add("name", "trunk-watcher")
                .add("description", "Reads the trunks, nothing else")
                .add("access", Json.createObjectBuilder().add("TRUNKS", "VIEW"))
                .build());
    assertTrue(
        created.statusCode() == 201 || created.statusCode() == 400, "created (or left by a rerun)");
    JsonObject role = Http.object(send(superAdmin, "GET", "/roles/trunk-watcher", null));
    assertEquals("VIEW", role.getJsonObject("access").getString("TRUNKS"));
    assertEquals("NONE", role.getJsonObject("access").getString("EXTENSIONS"));

    String watcher = KeycloakAdmin.tokenWithRole("trunk-watcher");
    assertEquals(200, send(watcher, "GET", "/trunks", null).statusCode());
    Problems.assertProblem(403, send(watcher, "GET", "/extensions", null));
    Problems.assertProblem(
        403, send(watcher, "POST", "/trunks", Json.createObjectBuilder().build()));

    KeycloakAdmin.ensureUser("trunk-watcher-user", "Trunk-Watcher-2026!", "trunk-watcher");
    Path session = WebLogin.signIn("trunk-watcher-user", "Trunk-Watcher-2026!");
    try {
      String menu = WebLogin.get(session, "/index.xhtml").body();
      assertTrue(menu.contains("href=\"/trunks.xhtml\""), "the menu has Trunks");
      assertFalse(menu.contains("href=\"/extensions.xhtml\""), "the menu has no Extensions");
      assertEquals(200, WebLogin.get(session, "/trunks.xhtml").status());
      assertEquals(403, WebLogin.get(session, "/extensions.xhtml").status());
    } finally {
      Files.deleteIfExists(session);
    }
    Problems.assertProblem(409, send(superAdmin, "DELETE", "/roles/trunk-watcher", null));
    assertTrue(
        Database.awaitCount(
                1,
                "select count(*) from event_log where type = 'ACCESS_DENIED' and identity = ?",
                "service-account-it-trunk-watcher")
            >= 1,
        "the refusals are in the event log");
  }

  @Test
  void builtInRolesCannotBeWeakenedOrDeletedAndBadRolesChangeNothing() {
    String superAdmin = KeycloakAdmin.tokenWithRole("super-administrator");
    Problems.assertProblem(
        400,
        send(
            superAdmin,
            "PUT",
            "/roles/administrator",
            Json.createObjectBuilder()
                .add("access", Json.createObjectBuilder().add("SECURITY", "NONE"))
                .build()),
        "name");
    Problems.assertProblem(400, send(superAdmin, "DELETE", "/roles/employee", null), "name");
    Problems.assertProblem(
        400,
        send(
            superAdmin,
            "POST",
            "/roles",
            Json.createObjectBuilder().add("name", "Bad Name!").build()),
        "name");
    Problems.assertProblem(
        400,
        send(
            superAdmin,
            "POST",
            "/roles",
            Json.createObjectBuilder()
                .add("name", "odd-levels")
                .add("access", Json.createObjectBuilder().add("TRUNKS", "ALL"))
                .build()),
        "access.TRUNKS");
    Problems.assertProblem(404, send(superAdmin, "GET", "/roles/odd-levels", null));
    JsonObject admin = Http.object(send(superAdmin, "GET", "/roles/administrator", null));
    assertEquals("EDIT", admin.getJsonObject("access").getString("SECURITY"));
    // The administrator may read the roles but only the super administrator defines them.
    String administrator = KeycloakAdmin.tokenWithRole("administrator");
    assertEquals(200, send(administrator, "GET", "/roles", null).statusCode());
    Problems.assertProblem(
        403,
        send(
            administrator,
            "POST",
            "/roles/administrator/copy",
            Json.createObjectBuilder().add("name", "admin-copy").build()));
  }

  private static HttpResponse<String> send(
      String token, String method, String path, JsonObject body) {
    return Http.api(token, method, path, body);
  }
}
