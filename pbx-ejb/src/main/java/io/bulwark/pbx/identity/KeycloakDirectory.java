package io.bulwark.pbx.identity;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The realm as Bulwark changes it, through Keycloak's admin REST API on loopback, signed in as the
 * realm's client {@code bulwark-directory} (client credentials; its service account may manage the
 * realm's roles and users, nothing of the master realm). Any failure is an {@link
 * UnavailableException}, so the change that needed it rolls back; what Keycloak said goes to the
 * log only.
 */
@ApplicationScoped
public class KeycloakDirectory {

  private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String UNAVAILABLE = "Keycloak did not answer; nothing was changed";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  private static final String ADMIN_EDIT = "ADMIN_EDIT";
  private static final String KEPT_ATTRIBUTES = "bulwark.";
  private static final String PORTAL_CLIENT = "bulwark-portal";

  private final String base;
  private final String secret;
  private volatile boolean adminAttributes;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  /**
   * Realm roles as Keycloak represents them, by name: every user saved needs its role's, and it
   * changes only when Bulwark makes or removes the role.
   */
  private final Map<String, JsonObject> roles = new java.util.concurrent.ConcurrentHashMap<>();

  public KeycloakDirectory() {
    String port = System.getenv("BULWARK_KEYCLOAK_PORT");
    base = "http://127.0.0.1:" + (port == null || port.isBlank() ? "8180" : port.strip());
    secret = System.getenv("BULWARK_DIRECTORY_SECRET");
  }

  /** Makes {@code name} a realm role; one that exists already is kept. */
  public void createRole(String name, String description) {
    roles.remove(name);
    HttpResponse<String> response =
        send(
            "POST",
            "/roles",
            Json.createObjectBuilder()
                .add("name", name)
                .add("description", description)
                .build()
                .toString());
    expect(response, "create realm role " + name, 201, 409);
  }

  /** Removes the realm role {@code name} from the realm and from every user; gone is fine. */
  public void deleteRole(String name) {
    roles.remove(name);
    expect(send("DELETE", "/roles/" + path(name), null), "delete realm role " + name, 204, 404);
  }

  /** How many users (at most {@code max}) hold the realm role {@code name}. */
  public int holders(String name, int max) {
    HttpResponse<String> response =
        send("GET", "/roles/" + path(name) + "/users?first=0&max=" + max, null);
    expect(response, "list holders of " + name, 200, 404);
    if (response.statusCode() == 404) {
      return 0;
    }
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readArray().size();
    }
  }

  /**
   * Creates the confidential client {@code clientId} for the client-credentials grant, its tokens
   * meant for the portal's API, its service account holding the realm role {@code role}.
   *
   * @return Keycloak's id of the client and its secret
   */
  public IssuedClient createApiClient(String clientId, String description, String role) {
    JsonObject client =
        Json.createObjectBuilder()
            .add("clientId", clientId)
            .add("name", clientId)
            .add("description", description)
            .add("enabled", true)
            .add("publicClient", false)
            .add("serviceAccountsEnabled", true)
            .add("standardFlowEnabled", false)
            .add("directAccessGrantsEnabled", false)
            .add("implicitFlowEnabled", false)
            .add("clientAuthenticatorType", "client-secret")
            .add(
                "protocolMappers",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "bulwark-portal-audience")
                            .add("protocol", "openid-connect")
                            .add("protocolMapper", "oidc-audience-mapper")
                            .add(
                                "config",
                                Json.createObjectBuilder()
                                    .add("included.client.audience", "bulwark-portal")
                                    .add("access.token.claim", "true"))))
            .build();
    HttpResponse<String> created = send("POST", "/clients", client.toString());
    expect(created, "create client " + clientId, 201);
    String location = created.headers().firstValue("Location").orElse("");
    String id = location.substring(location.lastIndexOf('/') + 1);
    grantRole(id, role);
    return new IssuedClient(id, secret(id));
  }

  /** The id Keycloak gave a client and the secret it holds now. */
  public record IssuedClient(String id, String secret) {}

  /** Gives the client {@code id} a new secret, which alone works from now on. */
  public String rotateSecret(String id) {
    HttpResponse<String> response = send("POST", "/clients/" + path(id) + "/client-secret", null);
    expect(response, "rotate the secret of client " + id, 200);
    return value(response);
  }

  /** Makes {@code role} the only Bulwark role of the client {@code id}'s service account. */
  public void replaceRole(String id, String oldRole, String newRole) {
    String user = serviceAccount(id);
    expect(
        send(
            "DELETE",
            "/users/" + path(user) + "/role-mappings/realm",
            Json.createArrayBuilder().add(role(oldRole)).build().toString()),
        "take role " + oldRole + " from client " + id,
        204,
        404);
    grantRole(id, newRole);
  }

  /** Whether Keycloak has the client {@code id}. */
  public boolean clientExists(String id) {
    HttpResponse<String> response = send("GET", "/clients/" + path(id), null);
    expect(response, "read client " + id, 200, 404);
    return response.statusCode() == 200;
  }

  /** Deletes the client {@code id}: its secret and tokens stop working; gone is fine. */
  public void deleteClient(String id) {
    expect(send("DELETE", "/clients/" + path(id), null), "delete client " + id, 204, 404);
  }

  /**
   * Makes the portal's client accept sign-ins that return to {@code addresses} (base URLs without a
   * trailing slash, the first the one links use), and only those.
   */
  public void portalAddresses(List<String> addresses) {
    HttpResponse<String> found = send("GET", "/clients?clientId=" + PORTAL_CLIENT, null);
    expect(found, "find client " + PORTAL_CLIENT, 200);
    JsonArray clients;
    try (JsonReader reader = Json.createReader(new StringReader(found.body()))) {
      clients = reader.readArray();
    }
    if (clients.isEmpty()) {
      LOG.errorf("Keycloak has no client %s", PORTAL_CLIENT);
      throw new UnavailableException(UNAVAILABLE);
    }
    JsonObject client = clients.getJsonObject(0);
    JsonArrayBuilder redirects = Json.createArrayBuilder();
    JsonArrayBuilder origins = Json.createArrayBuilder();
    addresses.forEach(
        address -> {
          redirects.add(address + "/*");
          origins.add(address);
        });
    JsonObjectBuilder attributes =
        Json.createObjectBuilder(
                client.getJsonObject("attributes") == null
                    ? JsonValue.EMPTY_JSON_OBJECT
                    : client.getJsonObject("attributes"))
            .add(
                "post.logout.redirect.uris",
                String.join("##", addresses.stream().map(address -> address + "/*").toList()));
    JsonObject changed =
        Json.createObjectBuilder(client)
            .add("rootUrl", addresses.get(0) + "/")
            .add("baseUrl", addresses.get(0) + "/")
            .add("redirectUris", redirects)
            .add("webOrigins", origins)
            .add("attributes", attributes)
            .build();
    String id = client.getString("id");
    expect(
        send("PUT", "/clients/" + path(id), changed.toString()),
        "set the addresses of client " + PORTAL_CLIENT,
        204);
  }

  private void grantRole(String id, String role) {
    expect(
        send(
            "POST",
            "/users/" + path(serviceAccount(id)) + "/role-mappings/realm",
            Json.createArrayBuilder().add(role(role)).build().toString()),
        "give role " + role + " to client " + id,
        204);
  }

  private String serviceAccount(String id) {
    HttpResponse<String> response =
        send("GET", "/clients/" + path(id) + "/service-account-user", null);
    expect(response, "find the service account of client " + id, 200);
    return object(response).getString("id");
  }

  private JsonObject role(String name) {
    JsonObject known = roles.get(name);
    if (known != null) {
      return known;
    }
    HttpResponse<String> response = send("GET", "/roles/" + path(name), null);
    expect(response, "read realm role " + name, 200);
    JsonObject role = object(response);
    roles.put(name, role);
    return role;
  }

  private String secret(String id) {
    HttpResponse<String> response = send("GET", "/clients/" + path(id) + "/client-secret", null);
    expect(response, "read the secret of client " + id, 200);
    return value(response);
  }

  private static String value(HttpResponse<String> response) {
    return object(response).getString("value");
  }

  private static JsonObject object(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  /**
   * Makes the realm user {@code person.username()} (an extension's number) what {@code person}
   * says, creating it when missing, and gives it {@code person.role()} as its only role of {@code
   * managedRoles} (the roles Bulwark gives; others a user may hold are left alone). An email
   * address another user has is refused on the field {@code email}.
   */
  public void syncUser(RealmUser person, Collection<String> managedRoles) {
    JsonObjectBuilder user =
        Json.createObjectBuilder().add("username", person.username()).add("enabled", true);
    JsonObjectBuilder attributes =
        Json.createObjectBuilder()
            .add("extension", Json.createArrayBuilder().add(person.username()));
    if (person.mobile() != null) {
      attributes.add("mobile", Json.createArrayBuilder().add(person.mobile()));
    }
    ensureAdminAttributes();
    String id = userId(person.username());
    if (id != null) {
      // Keycloak replaces all attributes with those sent: keep the ones Bulwark set on the user
      // elsewhere (login link, email codes).
      userAttributes(id).entrySet().stream()
          .filter(kept -> kept.getKey().startsWith(KEPT_ATTRIBUTES))
          .forEach(kept -> attributes.add(kept.getKey(), kept.getValue()));
    }
    user.add("attributes", attributes);
    addIfPresent(user, "email", person.email());
    addIfPresent(user, "firstName", person.firstName());
    addIfPresent(user, "lastName", person.lastName());
    HttpResponse<String> saved =
        id == null
            ? send("POST", "/users", user.build().toString())
            : send("PUT", "/users/" + path(id), user.build().toString());
    if (saved.statusCode() == 409) {
      throw new InvalidInputException(
          List.of(
              new FieldViolation("email", "Another user of the portal has this email address")));
    }
    expect(saved, "save user " + person.username(), id == null ? 201 : 204);
    boolean created = id == null;
    if (created) {
      String location = saved.headers().firstValue("Location").orElse("");
      id = location.substring(location.lastIndexOf('/') + 1);
    }
    JsonArrayBuilder dropped = Json.createArrayBuilder();
    boolean has = false;
    // A user just made holds the realm's default roles only: none of Bulwark's to drop.
    HttpResponse<String> held =
        created ? null : send("GET", "/users/" + path(id) + "/role-mappings/realm", null);
    if (held != null) {
      expect(held, "read the roles of user " + person.username(), 200);
      try (JsonReader reader = Json.createReader(new StringReader(held.body()))) {
        for (JsonObject role : reader.readArray().getValuesAs(JsonObject.class)) {
          String name = role.getString("name");
          if (name.equals(person.role())) {
            has = true;
          } else if (managedRoles.contains(name)) {
            dropped.add(role);
          }
        }
      }
    }
    JsonArray drop = dropped.build();
    if (!drop.isEmpty()) {
      expect(
          send("DELETE", "/users/" + path(id) + "/role-mappings/realm", drop.toString()),
          "take roles from user " + person.username(),
          204);
    }
    if (!has) {
      expect(
          send(
              "POST",
              "/users/" + path(id) + "/role-mappings/realm",
              Json.createArrayBuilder().add(role(person.role())).build().toString()),
          "give role " + person.role() + " to user " + person.username(),
          204);
    }
  }

  /** An extension's user as Keycloak keeps it. */
  public record RealmUser(
      String username,
      String email,
      String firstName,
      String lastName,
      String mobile,
      String role) {}

  /**
   * The realm role whose holders must sign in with a second factor (the login flow's condition).
   */
  public static final String TWO_FACTOR_ROLE = "two-factor-required";

  /** Whether holders of the realm role {@code role} must sign in with a second factor. */
  public boolean requiresTwoFactor(String role) {
    HttpResponse<String> composites =
        send("GET", "/roles/" + path(role) + "/composites/realm", null);
    expect(composites, "read the composites of role " + role, 200);
    try (JsonReader reader = Json.createReader(new StringReader(composites.body()))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .anyMatch(r -> r.getString("name").equals(TWO_FACTOR_ROLE));
    }
  }

  /**
   * Makes holders of the realm role {@code role} sign in with a second factor, or not: the role
   * holds {@value #TWO_FACTOR_ROLE}, which the login flow asks about, or stops holding it.
   */
  public void requireTwoFactor(String role, boolean required) {
    String composite = Json.createArrayBuilder().add(role(TWO_FACTOR_ROLE)).build().toString();
    expect(
        send(required ? "POST" : "DELETE", "/roles/" + path(role) + "/composites", composite),
        (required ? "require" : "drop") + " a second factor for role " + role,
        204);
  }

  /** The realm's SMTP server, as Keycloak sends sign-in codes through it; empty turns it off. */
  public void setSmtp(Map<String, String> smtp) {
    JsonObjectBuilder server = Json.createObjectBuilder();
    smtp.forEach(server::add);
    expect(
        send("PUT", "", Json.createObjectBuilder().add("smtpServer", server).build().toString()),
        "set the realm's SMTP server",
        204);
  }

  /** The realm's identity provider {@code alias}, or null when it has none by that name. */
  public JsonObject identityProvider(String alias) {
    HttpResponse<String> found = send("GET", "/identity-provider/instances/" + path(alias), null);
    expect(found, "read identity provider " + alias, 200, 404);
    return found.statusCode() == 404 ? null : object(found);
  }

  /** Creates the identity provider {@code alias}, or replaces it when it {@code exists}. */
  public void saveIdentityProvider(String alias, JsonObject provider, boolean exists) {
    HttpResponse<String> saved =
        exists
            ? send("PUT", "/identity-provider/instances/" + path(alias), provider.toString())
            : send("POST", "/identity-provider/instances", provider.toString());
    expect(saved, "save identity provider " + alias, exists ? 204 : 201);
  }

  /**
   * The endpoints of the OpenID Connect provider whose discovery document is at {@code url}, as
   * Keycloak reads it (authorizationUrl, tokenUrl, jwksUrl, issuer...); null when Keycloak could
   * not read one there.
   */
  public Map<String, String> discover(String url) {
    HttpResponse<String> found =
        send(
            "POST",
            "/identity-provider/import-config",
            Json.createObjectBuilder()
                .add("providerId", "oidc")
                .add("fromUrl", url)
                .build()
                .toString());
    if (found.statusCode() != 200) {
      LOG.warnf(
          "Keycloak could not read the discovery document at %s: %d", url, found.statusCode());
      return null;
    }
    Map<String, String> endpoints = new HashMap<>();
    object(found)
        .forEach(
            (key, value) -> {
              if (value instanceof JsonString text) {
                endpoints.put(key, text.getString());
              }
            });
    return endpoints;
  }

  /** The attribute {@code name} of the user {@code username}; null when either is missing. */
  public String userAttribute(String username, String name) {
    String id = userId(username);
    if (id == null) {
      return null;
    }
    JsonArray values = userAttributes(id).getJsonArray(name);
    return values == null || values.isEmpty() ? null : values.getString(0);
  }

  /**
   * Sets the attribute {@code name} of the user {@code username} to {@code value}, or removes it
   * when {@code value} is null. Only administrators see or change these attributes.
   */
  public void setUserAttribute(String username, String name, String value) {
    ensureAdminAttributes();
    String id = userId(username);
    if (id == null) {
      throw new UnavailableException("Keycloak has no user " + username + "; save the extension");
    }
    HttpResponse<String> found = send("GET", "/users/" + path(id), null);
    expect(found, "read user " + username, 200);
    JsonObject user = object(found);
    JsonObjectBuilder attributes =
        Json.createObjectBuilder(
            user.containsKey("attributes")
                ? user.getJsonObject("attributes")
                : JsonValue.EMPTY_JSON_OBJECT);
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.add(name, Json.createArrayBuilder().add(value));
    }
    expect(
        send(
            "PUT",
            "/users/" + path(id),
            Json.createObjectBuilder(user).add("attributes", attributes).build().toString()),
        "save user " + username,
        204);
  }

  private JsonObject userAttributes(String id) {
    HttpResponse<String> found = send("GET", "/users/" + path(id), null);
    expect(found, "read a user", 200);
    JsonObject user = object(found);
    return user.containsKey("attributes")
        ? user.getJsonObject("attributes")
        : JsonValue.EMPTY_JSON_OBJECT;
  }

  /**
   * Lets the realm keep attributes its user profile does not declare, for administrators only:
   * Bulwark's (extension, mobile, login link, email codes) are no user's to see or change.
   */
  private void ensureAdminAttributes() {
    if (adminAttributes) {
      return;
    }
    HttpResponse<String> profile = send("GET", "/users/profile", null);
    expect(profile, "read the user profile", 200);
    JsonObject config = object(profile);
    if (!ADMIN_EDIT.equals(config.getString("unmanagedAttributePolicy", ""))) {
      expect(
          send(
              "PUT",
              "/users/profile",
              Json.createObjectBuilder(config)
                  .add("unmanagedAttributePolicy", ADMIN_EDIT)
                  .build()
                  .toString()),
          "keep Bulwark's user attributes",
          200);
    }
    adminAttributes = true;
  }

  /** Deletes the realm user {@code username}, its sessions and credentials; none is fine. */
  public void deleteUser(String username) {
    String id = userId(username);
    if (id != null) {
      expect(send("DELETE", "/users/" + path(id), null), "delete user " + username, 204, 404);
    }
  }

  private String userId(String username) {
    HttpResponse<String> found =
        send("GET", "/users?exact=true&briefRepresentation=true&username=" + path(username), null);
    expect(found, "find user " + username, 200);
    try (JsonReader reader = Json.createReader(new StringReader(found.body()))) {
      JsonArray users = reader.readArray();
      return users.isEmpty() ? null : users.getJsonObject(0).getString("id");
    }
  }

  private static void addIfPresent(JsonObjectBuilder object, String name, String value) {
    if (value != null) {
      object.add(name, value);
    }
  }

  private HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/admin/realms/bulwark" + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token());
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return call(
        request.method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)),
        method + " " + path);
  }

  private synchronized String token() {
    if (token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    if (secret == null || secret.isBlank()) {
      LOG.error("BULWARK_DIRECTORY_SECRET is not set: Bulwark cannot change Keycloak's realm");
      throw new UnavailableException(UNAVAILABLE);
    }
    HttpResponse<String> response =
        call(
            HttpRequest.newBuilder(
                    URI.create(base + "/realms/bulwark/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=bulwark-directory&client_secret="
                            + URLEncoder.encode(secret, StandardCharsets.UTF_8))),
            "token request");
    expect(response, "token request", 200);
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      JsonObject answer = reader.readObject();
      token = answer.getString("access_token");
      tokenExpires = Instant.now().plusSeconds(Math.max(5, answer.getInt("expires_in", 60) - 10));
      return token;
    }
  }

  private HttpResponse<String> call(HttpRequest.Builder request, String what) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      LOG.errorf("Keycloak's admin API failed (%s): %s", what, e);
      throw new UnavailableException(UNAVAILABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(UNAVAILABLE);
    }
  }

  private static void expect(HttpResponse<String> response, String what, int... accepted) {
    for (int status : accepted) {
      if (response.statusCode() == status) {
        return;
      }
    }
    LOG.errorf(
        "Keycloak's admin API refused to %s: %d %s", what, response.statusCode(), response.body());
    throw new UnavailableException(UNAVAILABLE);
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
