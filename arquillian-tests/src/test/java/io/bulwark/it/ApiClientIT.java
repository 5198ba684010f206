package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API clients as a script uses them, through the portal's own address as the README shows: an
 * administrator issues one with a role and sees its secret once; the script gets a token with the
 * client-credentials grant and calls the API within its role; every call is in the audit log; a new
 * secret retires the old one; revoking it refuses the token it still holds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiClientIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void aScriptCallsTheApiWithinItsRoleUntilRevoked() throws Exception {
    HttpResponse<String> issued =
        send(
            admin,
            "POST",
            "/api-clients",
            Json.createObjectBuilder()
                .add("name", "nightly-report")
                .add("description", "Reads the call log every night")
                .add("role", "operator")
                .build());
    assertEquals(201, issued.statusCode(), issued.body());
    JsonObject client = Http.object(issued);
    long id = client.getJsonNumber("id").longValue();
    String clientId = client.getString("clientId");
    String secret = client.getString("secret");
    assertEquals("api-nightly-report", clientId);
    assertTrue(secret.length() >= 20, "a real secret");
    JsonObject listed = Http.object(send(admin, "GET", "/api-clients/" + id, null));
    assertFalse(listed.containsKey("secret"), "the secret is shown once: " + listed);

    String token = token(clientId, secret);
    assertEquals(200, send(token, "GET", "/extensions", null).statusCode());
    Problems.assertProblem(403, send(token, "GET", "/defense/blocked", null));
    assertTrue(
        Database.awaitCount(
                2,
                "select count(*) from audit_log where action = 'CALL' and actor = ?",
                "service-account-" + clientId)
            >= 2,
        "every call of the client is in the audit log");
    List<String> calls =
        Database.query(
                "select request, entity_id from audit_log where action = 'CALL' and actor = ?"
                    + " order by id",
                "service-account-" + clientId)
            .stream()
            .map(row -> row.get(0) + " " + row.get(1))
            .toList();
    assertTrue(calls.contains("GET /api/v1/extensions 200"), calls.toString());
    assertTrue(calls.contains("GET /api/v1/defense/blocked 403"), calls.toString());

    Problems.assertProblem(
        400,
        send(
            admin,
            "POST",
            "/api-clients",
            Json.createObjectBuilder()
                .add("name", "root-script")
                .add("role", "super-administrator")
                .build()),
        "role");
    Problems.assertProblem(
        400,
        send(
            admin,
            "POST",
            "/api-clients",
            Json.createObjectBuilder()
                .add("name", "nightly-report")
                .add("role", "operator")
                .build()),
        "name");

    JsonObject rotated = Http.object(send(admin, "POST", "/api-clients/" + id + "/secret", null));
    String newSecret = rotated.getString("secret");
    assertFalse(newSecret.equals(secret));
    assertEquals(401, tokenStatus(clientId, secret), "the old secret no longer works");
    String newToken = token(clientId, newSecret);
    assertEquals(200, send(newToken, "GET", "/extensions", null).statusCode());

    assertEquals(204, send(admin, "DELETE", "/api-clients/" + id, null).statusCode());
    assertEquals(
        401,
        send(newToken, "GET", "/extensions", null).statusCode(),
        "the token it still holds is refused at once");
    assertEquals(401, tokenStatus(clientId, newSecret), "no new token either");
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'API_CLIENT_REVOKED' and detail like ?",
            "%" + clientId + "%"));
  }

  /**
   * A token from Keycloak's token endpoint on the portal's address, as the README's curl gets it.
   */
  private static String token(String clientId, String secret) {
    HttpResponse<String> response = tokenRequest(clientId, secret);
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response).getString("access_token");
  }

  private static int tokenStatus(String clientId, String secret) {
    return tokenRequest(clientId, secret).statusCode();
  }

  private static HttpResponse<String> tokenRequest(String clientId, String secret) {
    return Http.send(
        Http.request(TestEnvironment.publicUrl() + "/realms/bulwark/protocol/openid-connect/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + "&client_secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))));
  }

  private static HttpResponse<String> send(
      String token, String method, String path, JsonObject body) {
    return Http.api(token, method, path, body);
  }
}
