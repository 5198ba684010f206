package io.bulwark.it;

import static io.bulwark.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web tier as an API client and an attacker see it: every error is a problem document in fixed
 * words, bodies are bounded, and every response carries the security headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebTierIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  private HttpRequest.Builder api(String path) {
    return Http.request(TestEnvironment.publicUrl() + "/api/v1" + path)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  @Test
  void withoutATokenTheApiAnswersAProblemWithABearerChallenge() {
    HttpResponse<String> response =
        Http.send(Http.request(ExtensionsApi.url()).header("Accept", "text/html").GET());

    assertProblem(401, response);
    assertTrue(
        response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
        response.headers().toString());
  }

  @Test
  void everyErrorOfTheRuntimeIsAProblemInFixedWords() {
    assertProblem(404, Http.send(api("/no-such-resource").GET()));
    assertProblem(404, Http.send(api("/extensions/999999999").GET()));
    assertProblem(405, Http.send(api("/extensions").method("PATCH", noBody())));
    assertProblem(
        415,
        Http.send(
            api("/extensions")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("number=1"))));
    assertProblem(
        400,
        Http.send(
            api("/extensions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"number\": [}"))));
    HttpResponse<String> forbidden =
        Http.send(
            Http.request(ExtensionsApi.url())
                .header("Authorization", "Bearer " + KeycloakAdmin.tokenWithRole("employee"))
                .GET());
    assertProblem(403, forbidden);
  }

  /** A failure inside (the event log's table renamed away for a moment) is a bare 500 problem. */
  @Test
  void aFailureInsideIsA500ProblemWithoutTheSqlOrTheStack() {
    Database.execute("rename table event_log to event_log_away");
    try {
      HttpResponse<String> response = Http.send(api("/events"));
      assertProblem(500, response);
      assertFalse(response.body().contains("event_log"), response.body());
    } finally {
      Database.execute("rename table event_log_away to event_log");
    }
  }

  @Test
  void aBodyOverTheLimitGets413AndChangesNothing() {
    long before = Database.count("select count(*) from extension");
    String padding = "x".repeat(2 * 1024 * 1024);
    String body =
        "{\"number\":\"2950\",\"displayName\":\""
            + padding
            + "\",\"registrationName\":\"big2950\","
            + "\"secret\":\"Str0ngPassw0rd\"}";

    HttpResponse<String> declared =
        Http.send(
            api("/extensions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertProblem(413, declared);

    HttpResponse<String> chunked =
        Http.send(
            api("/extensions")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(
                                body.substring(0, 200_000).getBytes()))));
    assertProblem(413, chunked);
    assertEquals(before, Database.count("select count(*) from extension"));
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (HttpResponse<String> response :
        List.of(
            Http.send(api("/extensions").GET()),
            Http.send(api("/nothing").GET()),
            Http.send(Http.request(TestEnvironment.publicUrl() + "/assets/logo.svg").GET()),
            Http.send(Http.request(TestEnvironment.publicUrl() + "/").GET()))) {
      var headers = response.headers();
      String where = response.uri() + " " + response.statusCode();
      assertTrue(
          headers.firstValue("Strict-Transport-Security").orElse("").contains("max-age="), where);
      assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), where);
      assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), where);
      assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(""), where);
      assertTrue(
          headers
              .firstValue("Content-Security-Policy")
              .orElse("")
              .contains("frame-ancestors 'none'"),
          where);
    }
  }

  @Test
  void theStyledErrorPageNeedsNoLoginAndShowsNoInternals() {
    HttpResponse<String> logo =
        Http.send(Http.request(TestEnvironment.publicUrl() + "/assets/logo.svg").GET());
    assertEquals(200, logo.statusCode());

    HttpResponse<String> missing =
        Http.send(Http.request(TestEnvironment.publicUrl() + "/assets/nothing.css").GET());
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("There is no page at this address"), missing.body());
    assertFalse(
        Problems.INTERNALS.matcher(missing.body().replace("<html lang", "")).find(),
        missing.body());
  }

  @Test
  void healthAsksEveryComponentAndNeedsNoLogin() {
    HttpResponse<String> response =
        Http.send(Http.request(TestEnvironment.publicUrl() + "/health").GET());

    assertEquals(200, response.statusCode(), response.body());
    JsonObject health = Http.object(response);
    assertEquals("UP", health.getString("status"));
    for (String component : List.of("wildfly", "sip", "database", "schema", "keycloak")) {
      assertEquals("UP", health.getJsonObject("components").getString(component), component);
    }
  }

  @Test
  void theApiDescriptionStatesRealStatusCodesAndTheBearerScheme() {
    HttpResponse<String> response =
        Http.send(Http.request(TestEnvironment.publicUrl() + "/openapi?format=JSON").GET());
    assertEquals(200, response.statusCode());
    JsonObject api = Http.object(response);
    JsonObject extensions = api.getJsonObject("paths").getJsonObject("/api/v1/extensions");
    assertTrue(extensions.getJsonObject("post").getJsonObject("responses").containsKey("201"));
    assertFalse(extensions.getJsonObject("post").getJsonObject("responses").containsKey("200"));
    JsonObject one = api.getJsonObject("paths").getJsonObject("/api/v1/extensions/{id}");
    assertTrue(one.getJsonObject("delete").getJsonObject("responses").containsKey("204"));
    assertTrue(one.getJsonObject("put").getJsonObject("responses").containsKey("409"));
    for (String code : List.of("401", "403", "413", "415", "500")) {
      assertTrue(
          extensions.getJsonObject("post").getJsonObject("responses").containsKey(code), code);
    }
    JsonObject activity =
        api.getJsonObject("paths")
            .getJsonObject("/api/v1/dashboard/activity")
            .getJsonObject("get")
            .getJsonObject("responses");
    for (String code : List.of("200", "401", "403")) {
      assertTrue(activity.containsKey(code), "dashboard activity " + code);
    }
    JsonObject scheme =
        api.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("keycloak");
    assertEquals("http", scheme.getString("type"));
    assertEquals("bearer", scheme.getString("scheme"));
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }
}
