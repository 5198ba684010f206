package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v1/extensions} with real Keycloak tokens against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExtensionApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final ExtensionsApi admin =
      new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));

  @Test
  void withoutTokenTheApiAnswers401WithABearerChallenge() {
    HttpResponse<String> response =
        Http.send(Http.request(ExtensionsApi.url()).header("Accept", "*/*").GET());

    assertEquals(401, response.statusCode());
    assertTrue(
        response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
        response.headers().toString());
  }

  @Test
  void aForgedTokenIsRefused() {
    HttpResponse<String> response = new ExtensionsApi("eyJhbGciOiJub25lIn0.e30.").list();

    assertEquals(401, response.statusCode());
  }

  @Test
  void aRoleWithoutRightsGets403AndChangesNothing() {
    long before = Database.count("select count(*) from extension");
    ExtensionsApi employee = new ExtensionsApi(KeycloakAdmin.tokenWithRole("employee"));

    HttpResponse<String> response =
        employee.create(ExtensionsApi.extension("2900", "Eve", "eve2900", "Str0ngPassw0rd", null));

    assertEquals(403, response.statusCode(), response.body());
    assertEquals(403, employee.list().statusCode());
    assertEquals(before, Database.count("select count(*) from extension"));
  }

  @Test
  void createReadUpdateDelete() {
    HttpResponse<String> created =
        admin.create(
            ExtensionsApi.extension(
                "2001", "Ada Lovelace", "ada2001", "Anal1tical", "ada@example.com"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject body = Http.object(created);
    long id = body.getJsonNumber("id").longValue();
    assertEquals("2001", body.getString("number"));
    assertFalse(body.containsKey("secret"), "the password must never be returned");
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/extensions/" + id));

    HttpResponse<String> read = admin.get(id);
    assertEquals(200, read.statusCode());
    assertEquals("ada@example.com", Http.object(read).getString("email"));
    assertTrue(
        admin.list().body().contains("\"registrationName\":\"ada2001\""), admin.list().body());

    HttpResponse<String> updated =
        admin.update(id, ExtensionsApi.extension("2001", "Countess Ada", "ada2001", null, null));
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals("Countess Ada", Http.object(admin.get(id)).getString("displayName"));

    assertEquals(204, admin.delete(id).statusCode());
    HttpResponse<String> gone = admin.get(id);
    assertEquals(404, gone.statusCode());
    assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void badInputIsRefusedWithEveryWrongFieldAndNothingIsWritten() {
    long before = Database.count("select count(*) from extension");

    HttpResponse<String> response =
        admin.create(ExtensionsApi.extension("12a", " ", "bad name", "weakpass", "not-an-email"));

    assertEquals(400, response.statusCode());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    JsonObject problem = Http.object(response);
    assertEquals(400, problem.getInt("status"));
    List<String> fields =
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .collect(Collectors.toList());
    assertEquals(List.of("number", "displayName", "registrationName", "secret", "email"), fields);
    assertEquals(before, Database.count("select count(*) from extension"));
  }

  @Test
  void duplicatesAndMalformedJsonAreRefused() {
    admin.createValid("2002", "grace2002", "C0bolRocks");

    HttpResponse<String> duplicate =
        admin.create(ExtensionsApi.extension("2002", "Other", "other2002", "C0bolRocks", null));
    assertEquals(400, duplicate.statusCode());
    assertTrue(duplicate.body().contains("\"field\":\"number\""), duplicate.body());

    HttpResponse<String> malformed =
        Http.send(
            Http.request(ExtensionsApi.url())
                .header("Authorization", "Bearer " + KeycloakAdmin.tokenWithRole("administrator"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"number\": ")));
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(
        "application/problem+json", malformed.headers().firstValue("Content-Type").orElse(""));
    assertEquals(1, Database.count("select count(*) from extension where number = '2002'"));
  }

  @Test
  void eachExtensionHasAUserInKeycloakWithTheRoleGivenNoHigherThanTheGiversOwn() throws Exception {
    JsonObject body =
        Json.createObjectBuilder(
                ExtensionsApi.extension(
                    "5301", "Ada Lovelace", "ada5301", "Gq7#Lovelace-Ext", "ada5301@example.com"))
            .add(
                "user",
                Json.createObjectBuilder()
                    .add("firstName", "Ada")
                    .add("lastName", "Lovelace")
                    .add("mobile", "+43 660 1234567")
                    .add("role", "operator"))
            .build();
    HttpResponse<String> created = admin.create(body);
    assertEquals(201, created.statusCode(), created.body());
    long id = Http.object(created).getJsonNumber("id").longValue();
    try {
      assertEquals("operator", Http.object(created).getJsonObject("user").getString("role"));
      JsonObject user = KeycloakAdmin.realmUser("5301");
      assertEquals("Ada", user.getString("firstName"));
      assertEquals("Lovelace", user.getString("lastName"));
      assertEquals("ada5301@example.com", user.getString("email"));
      assertTrue(
          user.getJsonArray("realmRoles").toString().contains("\"operator\""), user.toString());

      JsonObject supervisor =
          Json.createObjectBuilder(body)
              .remove("secret")
              .add(
                  "user",
                  Json.createObjectBuilder().add("firstName", "Ada").add("role", "supervisor"))
              .build();
      assertEquals(200, admin.update(id, supervisor).statusCode());
      String roles = KeycloakAdmin.realmUser("5301").getJsonArray("realmRoles").toString();
      assertTrue(roles.contains("\"supervisor\"") && !roles.contains("\"operator\""), roles);

      ExtensionsApi operator = new ExtensionsApi(KeycloakAdmin.tokenWithRole("operator"));
      JsonObject escalation =
          Json.createObjectBuilder(
                  ExtensionsApi.extension(
                      "5302", "Mallory", "mallory5302", "Gq7#Mallory-Ext", null))
              .add("user", Json.createObjectBuilder().add("role", "administrator"))
              .build();
      Problems.assertProblem(400, operator.create(escalation), "user.role");
      JsonObject unknown =
          Json.createObjectBuilder(escalation)
              .add("user", Json.createObjectBuilder().add("role", "no-such-role"))
              .build();
      Problems.assertProblem(400, admin.create(unknown), "user.role");
      JsonObject sameEmail =
          Json.createObjectBuilder(
                  ExtensionsApi.extension(
                      "5303", "Twin", "twin5303", "Gq7#Twin-Ext-99", "ada5301@example.com"))
              .build();
      Problems.assertProblem(400, admin.create(sameEmail), "email");
      assertEquals(
          0,
          Database.count("select count(*) from extension where number in ('5302', '5303')"),
          "nothing refused was written");
      assertNull(KeycloakAdmin.realmUser("5302"));
      assertNull(KeycloakAdmin.realmUser("5303"));
    } finally {
      admin.delete(id);
    }
    assertNull(KeycloakAdmin.realmUser("5301"), "the extension's user went with it");
  }

  @Test
  void theOpenApiDescriptionListsTheExtensionsPaths() {
    HttpResponse<String> response =
        Http.send(Http.request(TestEnvironment.publicUrl() + "/openapi").GET());

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("/api/v1/extensions/{id}"), response.body());
  }
}
