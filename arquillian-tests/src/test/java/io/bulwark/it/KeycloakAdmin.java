package io.bulwark.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Sets up API callers in the suite's Keycloak through its admin REST API on loopback: one
 * confidential client per role, with a service account holding that realm role, and an audience
 * mapper so its tokens are meant for the portal.
 */
public final class KeycloakAdmin {

  private KeycloakAdmin() {}

  /** A bearer token whose only PBX role is {@code role}. */
  public static String tokenWithRole(String role) {
    String clientId = "it-" + role;
    String secret = "it-secret-" + role;
    ensureServiceClient(clientId, secret, role);
    return token(
        "bulwark",
        "token for " + clientId,
        "grant_type",
        "client_credentials",
        "client_id",
        clientId,
        "client_secret",
        secret);
  }

  /** A realm user with a password, no pending action and one PBX role; kept if it exists. */
  public static synchronized void ensureUser(String username, String password, String role) {
    String admin = adminToken();
    String base = TestEnvironment.keycloakUrl() + "/admin/realms/bulwark";
    HttpResponse<String> existing =
        Http.send(
            Http.request(base + "/users?exact=true&username=" + username)
                .header("Authorization", "Bearer " + admin));
    check(existing, 200, "user lookup");
    if (!Http.array(existing).isEmpty()) {
      return;
    }
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", username)
            .add("enabled", true)
            .add("email", username + "@example.com")
            .add("emailVerified", true)
            .add("firstName", "Ada")
            .add("lastName", "Lovelace")
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build();
    String userId =
        create(base + "/users", user, base + "/users?exact=true&username=" + username, admin);
    grantRealmRole(base, admin, userId, role);
  }

  /** Gives the realm user {@code username} the password {@code password}, not to be changed. */
  public static synchronized void setPassword(String username, String password) {
    check(tryPassword(username, password), 204, "password reset");
  }

  /**
   * Asks Keycloak to give the realm user {@code username} the password {@code password}: 204 when
   * it did, 400 when the realm's password policy refused it.
   */
  public static synchronized HttpResponse<String> tryPassword(String username, String password) {
    String admin = adminToken();
    String base = TestEnvironment.keycloakUrl() + "/admin/realms/bulwark";
    String id = realmUser(username).getString("id");
    return Http.send(
        Http.request(base + "/users/" + id + "/reset-password")
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .PUT(
                Http.json(
                    Json.createObjectBuilder()
                        .add("type", "password")
                        .add("value", password)
                        .add("temporary", false)
                        .build())));
  }

  /** The realm user {@code username} with its realm role names, or null when there is none. */
  public static synchronized JsonObject realmUser(String username) {
    String admin = adminToken();
    String base = TestEnvironment.keycloakUrl() + "/admin/realms/bulwark";
    HttpResponse<String> found =
        Http.send(
            Http.request(base + "/users?exact=true&username=" + username)
                .header("Authorization", "Bearer " + admin));
    check(found, 200, "user lookup");
    if (Http.array(found).isEmpty()) {
      return null;
    }
    JsonObject user = Http.array(found).getJsonObject(0);
    var roles = Json.createArrayBuilder();
    Http.array(
            Http.send(
                Http.request(base + "/users/" + user.getString("id") + "/role-mappings/realm")
                    .header("Authorization", "Bearer " + admin)))
        .getValuesAs(JsonObject.class)
        .forEach(r -> roles.add(r.getString("name")));
    return Json.createObjectBuilder(user).add("realmRoles", roles).build();
  }

  /**
   * Calls Keycloak's admin API as the master realm's administrator, for a test that builds a realm
   * of its own: {@code path} after /admin/realms.
   */
  public static HttpResponse<String> admin(String method, String path, JsonObject body) {
    HttpRequest.Builder request =
        Http.request(TestEnvironment.keycloakUrl() + "/admin/realms" + path)
            .header("Authorization", "Bearer " + adminToken());
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return Http.send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private static synchronized void ensureServiceClient(
      String clientId, String secret, String role) {
    String admin = adminToken();
    String base = TestEnvironment.keycloakUrl() + "/admin/realms/bulwark";
    HttpResponse<String> existing =
        Http.send(
            Http.request(base + "/clients?clientId=" + clientId)
                .header("Authorization", "Bearer " + admin));
    check(existing, 200, "client lookup");
    if (!Http.array(existing).isEmpty()) {
      return;
    }
    JsonObject client =
        Json.createObjectBuilder()
            .add("clientId", clientId)
            .add("secret", secret)
            .add("publicClient", false)
            .add("serviceAccountsEnabled", true)
            .add("standardFlowEnabled", false)
            .add(
                "protocolMappers",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "portal-audience")
                            .add("protocol", "openid-connect")
                            .add("protocolMapper", "oidc-audience-mapper")
                            .add(
                                "config",
                                Json.createObjectBuilder()
                                    .add("included.client.audience", "bulwark-portal")
                                    .add("access.token.claim", "true"))))
            .build();
    String id = create(base + "/clients", client, base + "/clients?clientId=" + clientId, admin);
    String userId =
        Http.object(
                Http.send(
                    Http.request(base + "/clients/" + id + "/service-account-user")
                        .header("Authorization", "Bearer " + admin)))
            .getString("id");
    grantRealmRole(base, admin, userId, role);
  }

  /** POSTs {@code representation} to {@code collection}, then finds its id with {@code query}. */
  private static String create(
      String collection, JsonObject representation, String query, String admin) {
    check(
        Http.send(
            Http.request(collection)
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(Http.json(representation))),
        201,
        "creation in " + collection);
    return Http.array(Http.send(Http.request(query).header("Authorization", "Bearer " + admin)))
        .getJsonObject(0)
        .getString("id");
  }

  private static void grantRealmRole(String base, String admin, String userId, String role) {
    JsonObject roleRepresentation =
        Http.object(
            Http.send(
                Http.request(base + "/roles/" + role).header("Authorization", "Bearer " + admin)));
    check(
        Http.send(
            Http.request(base + "/users/" + userId + "/role-mappings/realm")
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(Http.json(Json.createArrayBuilder().add(roleRepresentation).build()))),
        204,
        "role mapping");
  }

  private static String adminToken() {
    return token(
        "master",
        "Keycloak admin login",
        "grant_type",
        "password",
        "client_id",
        "admin-cli",
        "username",
        "admin",
        "password",
        TestEnvironment.secret("keycloak-admin.pw"));
  }

  /** Posts a token request to a realm on Keycloak's loopback port and returns the access token. */
  private static String token(String realm, String what, String... form) {
    HttpResponse<String> response =
        Http.send(
            Http.request(
                    TestEnvironment.keycloakUrl()
                        + "/realms/"
                        + realm
                        + "/protocol/openid-connect/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(form)));
    check(response, 200, what);
    return Http.object(response).getString("access_token");
  }

  private static HttpRequest.BodyPublisher form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return HttpRequest.BodyPublishers.ofString(body.toString());
  }

  private static void check(HttpResponse<String> response, int expected, String what) {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          what + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
