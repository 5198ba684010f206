package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Allowed Country IPs with the real country database, and allowlist mode, through {@code
 * /api/v1/defense/access}. Public addresses of two countries are given to loopback for the test
 * (81.2.69.142 is registered in Great Britain, 5.9.0.1 in Germany), so they are sources without a
 * packet leaving the host.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessIT {

  private static final String BRITISH = "81.2.69.142";
  private static final String GERMAN = "5.9.0.1";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  private JsonObject before;

  @BeforeEach
  void remember() {
    before = Http.object(access("GET", null));
  }

  /** Leaves the settings as the test found them, for the tests that follow. */
  @AfterEach
  void restore() {
    int version = Http.object(access("GET", null)).getInt("version");
    HttpResponse<String> restored =
        access("PUT", Json.createObjectBuilder(before).add("version", version).build());
    assertEquals(200, restored.statusCode(), restored.body());
  }

  @Test
  void onlyAllowedCountriesReachSipAndTheWeb() throws InterruptedException {
    JsonObject settings = Http.object(access("GET", null));
    assertEquals(false, settings.getBoolean("countryFilter"));
    assertTrue(
        settings.getString("countryDatabase").startsWith("geo-whois-asn-country.mmdb, built "),
        settings.toString());
    Probes.addLoopbackAddress(BRITISH);
    Probes.addLoopbackAddress(GERMAN);
    try {
      assertNotNull(Probes.options(BRITISH, "gb-before"), "answered before the filter");
      JsonObject germanyOnly =
          Json.createObjectBuilder(settings)
              .add("countryFilter", true)
              .add("allowedCountries", Json.createArrayBuilder().add("de"))
              .build();

      Probes.Answer fromBritain =
          Probes.https(BRITISH, "PUT", "/api/v1/defense/access", token, germanyOnly.toString());
      assertEquals(400, fromBritain.status(), fromBritain.body());
      assertTrue(
          fromBritain.body().contains("would refuse the address you are using (81.2.69.142)"),
          fromBritain.body());
      assertEquals(
          settings.getInt("version"),
          Http.object(access("GET", null)).getInt("version"),
          "nothing saved");

      HttpResponse<String> saved = access("PUT", germanyOnly);
      assertEquals(200, saved.statusCode(), saved.body());
      assertEquals(
          List.of("DE"),
          Http.object(saved).getJsonArray("allowedCountries").stream()
              .map(v -> ((jakarta.json.JsonString) v).getString())
              .toList());

      assertNull(Probes.options(BRITISH, "gb-filtered"), "Great Britain gets no SIP answer");
      assertEquals(0, Probes.httpStatus(BRITISH), "nor a web page");
      assertNotNull(Probes.options(GERMAN, "de-filtered"), "Germany is answered");
      assertTrue(Probes.httpStatus(GERMAN) > 0);
      assertNotNull(Probes.options("127.0.0.1", "local-filtered"), "private ranges always are");
      assertTrue(
          send("GET", "/defense/check?address=" + BRITISH)
              .body()
              .contains("GB is not an allowed country"));
      assertEquals(
          1,
          Database.awaitCount(
              1,
              "select count(*) from event_log where type = 'ACCESS_SETTINGS_UPDATED'"
                  + " and detail like '%allowed countries DE%'"));

      assertEquals(
          403, Sipp.register("3970", "nobody3970", "Wr0ngGuess", 60, "udp", GERMAN).finalStatus());
      Database.awaitCount(1, "select count(*) from event_log where source_ip = ?", GERMAN);
      JsonObject overview = Http.object(send("GET", "/defense/overview"));
      assertTrue(
          overview.getJsonArray("topCountries").getValuesAs(JsonObject.class).stream()
              .anyMatch(c -> c.getString("country").equals("DE")),
          overview.toString());
      assertTrue(
          overview.getJsonArray("topSources").getValuesAs(JsonObject.class).stream()
              .anyMatch(
                  s -> s.getString("source").equals(GERMAN) && s.getString("country").equals("DE")),
          overview.toString());
      assertEquals(24, overview.getJsonObject("blocksPerHour").getJsonArray("counts").size());
    } finally {
      Probes.removeLoopbackAddress(BRITISH);
      Probes.removeLoopbackAddress(GERMAN);
    }
  }

  @Test
  void allowlistModeAdmitsOnlyTheSourcesOfAcceptRules() {
    String stranger = "127.0.12.5";
    assertNotNull(Probes.options(stranger, "before"), "answered before allowlist mode");
    JsonObject settings = Http.object(access("GET", null));

    HttpResponse<String> on =
        access("PUT", Json.createObjectBuilder(settings).add("allowlistOnly", true).build());
    assertEquals(200, on.statusCode(), on.body());

    assertNull(Probes.options(stranger, "allowlist"), "no Accept rule lists it");
    assertEquals(0, Probes.httpStatus(stranger));
    assertNotNull(
        Probes.options("127.0.0.12", "trusted"), "the suite's trusted network has an Accept rule");

    HttpResponse<String> off =
        access(
            "PUT", Json.createObjectBuilder(Http.object(on)).add("allowlistOnly", false).build());
    assertEquals(200, off.statusCode(), off.body());
    assertNotNull(Probes.options(stranger, "after"), "answered again");
  }

  @Test
  void wrongSettingsAreRefusedAndSaveNothing() {
    JsonObject settings = Http.object(access("GET", null));
    Problems.assertProblem(
        400,
        access(
            "PUT",
            Json.createObjectBuilder(settings)
                .add("countryFilter", true)
                .add("allowedCountries", Json.createArrayBuilder().add("XX"))
                .build()),
        "allowedCountries");
    Problems.assertProblem(
        400,
        access(
            "PUT",
            Json.createObjectBuilder(settings)
                .add("countryFilter", true)
                .add("allowedCountries", Json.createArrayBuilder())
                .build()),
        "allowedCountries");
    Problems.assertProblem(
        409, access("PUT", Json.createObjectBuilder(settings).add("version", -1).build()));
    assertEquals(settings.getInt("version"), Http.object(access("GET", null)).getInt("version"));
  }

  private HttpResponse<String> access(String method, JsonObject body) {
    return Http.send(
        Http.authorized(TestEnvironment.publicUrl() + "/api/v1/defense/access", token)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body)));
  }

  private HttpResponse<String> send(String method, String path) {
    return Http.send(
        Http.authorized(TestEnvironment.publicUrl() + "/api/v1" + path, token)
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }
}
