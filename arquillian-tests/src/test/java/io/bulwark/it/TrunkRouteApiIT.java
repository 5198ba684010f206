package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
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
 * {@code /api/v1/trunks}, {@code /api/v1/inbound-routes} and {@code /api/v1/outbound-routes} with
 * real Keycloak tokens against the deployed EAR, checked in the database as well.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrunkRouteApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void aTrunkIsCreatedReadChangedAndDeletedAndItsPasswordNeverComesBack() {
    HttpResponse<String> created =
        send("POST", "/trunks", registerTrunk("IT Provider", "Pr0vider!"));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject trunk = Http.object(created);
    long id = trunk.getJsonNumber("id").longValue();
    assertEquals("REGISTER", trunk.getString("kind"));
    assertEquals(5060, trunk.getInt("port"));
    assertEquals("UDP", trunk.getString("transport"));
    assertTrue(trunk.getBoolean("passwordSet"));
    assertTrue(trunk.getBoolean("anchorMedia"));
    assertEquals("UNREGISTERED", trunk.getString("status"));
    assertFalse(created.body().contains("Pr0vider!"), created.body());

    String stored = Database.query("select sip_secret from trunk where id = ?", id).get(0).get(0);
    assertTrue(stored.startsWith("v1:") && !stored.contains("Pr0vider"), "encrypted: " + stored);

    HttpResponse<String> listed = send("GET", "/trunks", null);
    assertEquals(200, listed.statusCode());
    assertTrue(listed.body().contains("\"name\":\"IT Provider\""), listed.body());
    assertFalse(listed.body().contains("Pr0vider!"), listed.body());
    assertFalse(listed.body().contains("password\""), listed.body());

    JsonObject change =
        Json.createObjectBuilder(registerTrunk("IT Provider", null))
            .add("transport", "tcp")
            .add("outboundProxy", "proxy.example.net:5080")
            .add("version", trunk.getInt("version"))
            .build();
    HttpResponse<String> updated = send("PUT", "/trunks/" + id, change);
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals("TCP", Http.object(updated).getString("transport"));
    assertEquals(
        stored,
        Database.query("select sip_secret from trunk where id = ?", id).get(0).get(0),
        "a missing password keeps the stored one");

    HttpResponse<String> stale = send("PUT", "/trunks/" + id, change);
    Problems.assertProblem(409, stale);

    assertEquals(204, send("DELETE", "/trunks/" + id, null).statusCode());
    Problems.assertProblem(404, send("GET", "/trunks/" + id, null));
    assertEquals(0, Database.count("select count(*) from trunk where id = ?", id));
  }

  @Test
  void aWrongTrunkIsRefusedWithItsFieldsAndNothingIsWritten() {
    long before = Database.count("select count(*) from trunk");
    JsonObject bad =
        Json.createObjectBuilder()
            .add("name", "IT Bad")
            .add("kind", "gateway")
            .add("host", "bad host")
            .add("port", 70000)
            .add("outboundProxy", "proxy:0")
            .build();

    HttpResponse<String> response = send("POST", "/trunks", bad);

    Problems.assertProblem(400, response);
    assertEquals(List.of("kind", "host", "port", "outboundProxy"), fields(Http.object(response)));
    assertEquals(before, Database.count("select count(*) from trunk"));

    HttpResponse<String> noPassword = send("POST", "/trunks", registerTrunk("IT NoPw", null));
    Problems.assertProblem(400, noPassword);
    assertEquals(List.of("password"), fields(Http.object(noPassword)));
  }

  @Test
  void outboundRoutesAreOrderedMovedAndKeepTheirTrunksInUse() {
    long trunkA = createTrunk("IT Route A");
    long trunkB = createTrunk("IT Route B");
    new ExtensionsApi(token).createValid("2601", "route2601", "R0utePassw0rd");

    long local = createRoute("IT Local", "8X.", 1, trunkA, trunkB);
    long international = createRoute("IT International", "00X.", 0, trunkB);
    assertEquals(List.of(local, international), outboundOrder());

    HttpResponse<String> moved =
        send("POST", "/outbound-routes/" + international + "/move", direction("up"));
    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals(List.of(international, local), outboundOrder());
    assertEquals(
        List.of(List.of("IT International"), List.of("IT Local")),
        Database.query("select name from outbound_route where name like 'IT %' order by position"));

    assertEquals(
        200,
        send("POST", "/outbound-routes/" + international + "/move", direction("up")).statusCode());
    assertEquals(List.of(international, local), outboundOrder(), "the top stays the top");
    HttpResponse<String> sideways =
        send("POST", "/outbound-routes/" + local + "/move", direction("sideways"));
    Problems.assertProblem(400, sideways);
    assertEquals(List.of("direction"), fields(Http.object(sideways)));

    JsonObject route = Http.object(send("GET", "/outbound-routes/" + local, null));
    assertEquals("8X.", route.getJsonArray("dialPatterns").getJsonObject(0).getString("pattern"));
    assertEquals(1, route.getJsonArray("dialPatterns").getJsonObject(0).getInt("strip"));
    assertEquals(
        List.of(trunkA, trunkB),
        route.getJsonArray("trunkIds").getValuesAs(jakarta.json.JsonNumber.class).stream()
            .map(jakarta.json.JsonNumber::longValue)
            .toList());
    assertEquals("2601", route.getJsonArray("members").getString(0));

    HttpResponse<String> inUse = send("DELETE", "/trunks/" + trunkB, null);
    Problems.assertProblem(409, inUse);
    assertTrue(Http.object(inUse).getString("detail").contains("IT International"), inUse.body());
    assertEquals(1, Database.count("select count(*) from trunk where id = ?", trunkB));

    assertEquals(204, send("DELETE", "/outbound-routes/" + international, null).statusCode());
    assertEquals(204, send("DELETE", "/outbound-routes/" + local, null).statusCode());
    assertEquals(204, send("DELETE", "/trunks/" + trunkB, null).statusCode());
  }

  @Test
  void aWrongOutboundRouteNamesThePatternRowAndNothingIsWritten() {
    long before = Database.count("select count(*) from outbound_route");
    JsonObject bad =
        Json.createObjectBuilder()
            .add("name", "IT Wrong")
            .add(
                "dialPatterns",
                Json.createArrayBuilder()
                    .add(pattern("9X.", 0))
                    .add(pattern("9.1", 0))
                    .add(pattern("9X", 5)))
            .add("trunkIds", Json.createArrayBuilder().add(999_999))
            .add("members", Json.createArrayBuilder().add("2600"))
            .build();

    HttpResponse<String> response = send("POST", "/outbound-routes", bad);

    Problems.assertProblem(400, response);
    assertEquals(
        List.of("dialPatterns[1].pattern", "dialPatterns[2].strip"), fields(Http.object(response)));
    assertEquals(before, Database.count("select count(*) from outbound_route"));

    JsonObject unknown =
        Json.createObjectBuilder(bad)
            .add("dialPatterns", Json.createArrayBuilder().add(pattern("9X.", 1)))
            .build();
    HttpResponse<String> missing = send("POST", "/outbound-routes", unknown);
    Problems.assertProblem(400, missing);
    assertEquals(List.of("trunkIds", "members"), fields(Http.object(missing)));
  }

  @Test
  void inboundRoutesTakeAnyNumberWhenEmptyAndMoveDown() {
    new ExtensionsApi(token).createValid("2602", "route2602", "R0utePassw0rd");
    HttpResponse<String> sales =
        send(
            "POST",
            "/inbound-routes",
            Json.createObjectBuilder()
                .add("name", "IT Sales")
                .add("didPattern", "4930555100")
                .add("destination", "2602")
                .build());
    assertEquals(201, sales.statusCode(), sales.body());
    long salesId = Http.object(sales).getJsonNumber("id").longValue();
    assertFalse(Http.object(sales).containsKey("callerPattern"), "no pattern: any caller");
    HttpResponse<String> reception =
        send(
            "POST",
            "/inbound-routes",
            Json.createObjectBuilder()
                .add("name", "IT Reception")
                .add("destination", "2602")
                .build());
    assertEquals(201, reception.statusCode(), reception.body());

    HttpResponse<String> moved =
        send("POST", "/inbound-routes/" + salesId + "/move", direction("down"));
    assertEquals(200, moved.statusCode(), moved.body());
    List<String> names =
        Http.array(moved).getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("name"))
            .filter(n -> n.startsWith("IT "))
            .toList();
    assertEquals(List.of("IT Reception", "IT Sales"), names);

    HttpResponse<String> bad =
        send(
            "POST",
            "/inbound-routes",
            Json.createObjectBuilder()
                .add("name", "IT Bad")
                .add("didPattern", "49[30")
                .add("destination", "9999")
                .build());
    Problems.assertProblem(400, bad);
    assertEquals(List.of("didPattern"), fields(Http.object(bad)));
    HttpResponse<String> nobody =
        send(
            "POST",
            "/inbound-routes",
            Json.createObjectBuilder().add("name", "IT Nobody").add("destination", "9999").build());
    Problems.assertProblem(400, nobody);
    assertEquals(List.of("destination"), fields(Http.object(nobody)));
  }

  @Test
  void aRoleWithoutRightsGets403() {
    String employee = KeycloakAdmin.tokenWithRole("employee");
    for (String path : List.of("/trunks", "/inbound-routes", "/outbound-routes")) {
      assertEquals(403, Http.send(authorized(employee, path).GET()).statusCode(), path);
    }
  }

  @Test
  void theOpenApiDescriptionListsThePaths() {
    String body = Http.send(Http.request(TestEnvironment.publicUrl() + "/openapi").GET()).body();
    assertTrue(body.contains("/api/v1/trunks/{id}"), body);
    assertTrue(body.contains("/api/v1/outbound-routes/{id}/move"), body);
    assertTrue(body.contains("/api/v1/inbound-routes/{id}/move"), body);
  }

  private long createTrunk(String name) {
    HttpResponse<String> response = send("POST", "/trunks", registerTrunk(name, "Pr0vider!"));
    assertEquals(201, response.statusCode(), response.body());
    return Http.object(response).getJsonNumber("id").longValue();
  }

  private long createRoute(String name, String dialPattern, int strip, long... trunks) {
    var trunkIds = Json.createArrayBuilder();
    for (long t : trunks) {
      trunkIds.add(t);
    }
    HttpResponse<String> response =
        send(
            "POST",
            "/outbound-routes",
            Json.createObjectBuilder()
                .add("name", name)
                .add("dialPatterns", Json.createArrayBuilder().add(pattern(dialPattern, strip)))
                .add("trunkIds", trunkIds)
                .add("members", Json.createArrayBuilder().add("2601"))
                .build());
    assertEquals(201, response.statusCode(), response.body());
    return Http.object(response).getJsonNumber("id").longValue();
  }

  private List<Long> outboundOrder() {
    return Http.array(send("GET", "/outbound-routes", null)).getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("name").startsWith("IT "))
        .map(r -> r.getJsonNumber("id").longValue())
        .toList();
  }

  private static JsonObject registerTrunk(String name, String password) {
    var body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("kind", "REGISTER")
            .add("host", "sip.example.net")
            .add("username", "4930555100");
    if (password != null) {
      body.add("password", password);
    }
    return body.build();
  }

  private static JsonObject pattern(String pattern, int strip) {
    return Json.createObjectBuilder().add("pattern", pattern).add("strip", strip).build();
  }

  private static JsonObject direction(String direction) {
    return Json.createObjectBuilder().add("direction", direction).build();
  }

  private static List<String> fields(JsonObject problem) {
    return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }

  private HttpResponse<String> send(String method, String path, JsonStructure body) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body);
    return Http.send(authorized(token, path).method(method, publisher));
  }

  private static HttpRequest.Builder authorized(String token, String path) {
    return Http.request(TestEnvironment.publicUrl() + "/api/v1" + path)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
  }
}
