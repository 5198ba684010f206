package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
 * Each extension's registration security, as the guide's Security tab has it, against sipp phones
 * at distinct loopback addresses: one device at a time unless raised (the same address replaces its
 * own registration, another is refused), user-agent prefixes, permitted IPs, and remote
 * registration outside the local networks. Every refusal is a 403 and an event; the rules are
 * checked only once the password is right.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationSecurityIT {

  private static final String SECRET = "Guard3dPhone";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");
  private final ExtensionsApi api = new ExtensionsApi(token);

  @Test
  void oneDeviceAtATimeUnlessTheLimitIsRaised() throws InterruptedException {
    long id = api.createValid("3961", "sec3961", SECRET);
    JsonObject created = Http.object(api.get(id));
    assertEquals(1, created.getJsonObject("security").getInt("concurrentRegistrations"));
    assertEquals(false, created.getJsonObject("security").getBoolean("remoteRegistration"));

    assertEquals(200, register("3961", "127.0.0.1", 0, Sipp.USER_AGENT));
    assertEquals(403, register("3961", "127.0.0.62", 0, Sipp.USER_AGENT), "another device");
    assertEquals(List.of("127.0.0.1"), sources("3961"), "the first device keeps its registration");
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'REGISTRATION_LIMIT_REACHED'"
                + " and source_ip = '127.0.0.62' and identity = 'sec3961'"));

    assertEquals(
        200, register("3961", "127.0.0.1", 0, Sipp.USER_AGENT), "the same phone from a new port");
    assertEquals(1, Http.object(api.registrations("extension=3961")).getInt("total"));

    assertEquals(
        200, api.updateSecurity(id, security(2, List.of(), List.of(), false)).statusCode());
    assertEquals(200, register("3961", "127.0.0.62", 0, Sipp.USER_AGENT));
    assertEquals(List.of("127.0.0.1", "127.0.0.62"), sources("3961"));
  }

  @Test
  void onlyThePermittedUserAgentsRegister() throws InterruptedException {
    long id = api.createValid("3962", "sec3962", SECRET);
    HttpResponse<String> saved =
        api.updateSecurity(id, security(1, List.of("Yealink", "Snom"), List.of(), false));
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals(
        List.of("Yealink", "Snom"),
        Http.object(saved).getJsonObject("security").getJsonArray("userAgents").stream()
            .map(v -> ((JsonString) v).getString())
            .toList());

    assertEquals(403, register("3962", "127.0.0.1", 0, "Grandstream GXP2170"));
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'REGISTRATION_FAILED'"
                + " and identity = 'sec3962' and detail like '%user agent is not permitted%'"));
    assertEquals(200, register("3962", "127.0.0.1", 0, "yealink SIP-T46U 66.86.0.15"));
  }

  @Test
  void onlyThePermittedAddressesRegister() throws InterruptedException {
    long id = api.createValid("3963", "sec3963", SECRET);
    assertEquals(
        200,
        api.updateSecurity(id, security(1, List.of(), List.of("127.0.0.70/255.255.255.254"), false))
            .statusCode());

    assertEquals(403, register("3963", "127.0.0.72", 0, Sipp.USER_AGENT));
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'REGISTRATION_FAILED'"
                + " and source_ip = '127.0.0.72' and detail like '%permitted IPs%'"));
    assertEquals(200, register("3963", "127.0.0.71", 0, Sipp.USER_AGENT));
    assertEquals(
        List.of("127.0.0.70/31"),
        List.of(
            Http.object(api.get(id))
                .getJsonObject("security")
                .getJsonArray("permittedIps")
                .getString(0)),
        "stored as a network");
  }

  @Test
  void aDeviceOutsideTheLocalNetworksNeedsRemoteRegistration() throws InterruptedException {
    long id = api.createValid("3964", "sec3964", SECRET);
    JsonObject settings = Http.object(defenseSettings("GET", null));
    try {
      HttpResponse<String> narrowed =
          defenseSettings(
              "PUT",
              Json.createObjectBuilder(settings)
                  .add("localNetworks", Json.createArrayBuilder().add("127.0.0.0/25"))
                  .build());
      assertEquals(200, narrowed.statusCode(), narrowed.body());

      assertEquals(200, register("3964", "127.0.0.1", 0, Sipp.USER_AGENT), "a local phone");
      assertEquals(403, register("3964", "127.0.0.200", 0, Sipp.USER_AGENT), "a remote phone");
      assertEquals(
          1,
          Database.awaitCount(
              1,
              "select count(*) from event_log where type = 'REGISTRATION_FAILED'"
                  + " and source_ip = '127.0.0.200' and detail like '%remote registration%'"));

      assertEquals(
          200, api.updateSecurity(id, security(2, List.of(), List.of(), true)).statusCode());
      assertEquals(200, register("3964", "127.0.0.200", 0, Sipp.USER_AGENT));
    } finally {
      JsonObject current = Http.object(defenseSettings("GET", null));
      defenseSettings(
          "PUT",
          Json.createObjectBuilder(current)
              .add("localNetworks", settings.getJsonArray("localNetworks"))
              .build());
    }
  }

  @Test
  void weakPasswordsAndWrongRulesAreRefusedAndSaveNothing() {
    Problems.assertProblem(
        400,
        api.create(ExtensionsApi.extension("3965", "Weak", "sec3965", "Phone3965x", null)),
        "secret");
    Problems.assertProblem(
        400,
        api.create(ExtensionsApi.extension("3965", "Weak", "sec3965", "Passw0rd1234", null)),
        "secret");
    Problems.assertProblem(
        400,
        api.create(
            Json.createObjectBuilder(
                    ExtensionsApi.extension("3965", "Wrong", "sec3965", SECRET, null))
                .add("security", security(11, List.of(), List.of("10.0.0.0/33"), false))
                .build()),
        "security.permittedIps");
    assertEquals(
        0, Database.count("select count(*) from extension where number = '3965'"), "nothing saved");
  }

  private static int register(String number, String source, int port, String userAgent) {
    return Sipp.registerAs(number, "sec" + number, SECRET, source, port, userAgent).finalStatus();
  }

  private List<String> sources(String number) {
    return Http.object(api.registrations("extension=" + number))
        .getJsonArray("bindings")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(b -> b.getString("sourceAddress"))
        .sorted()
        .toList();
  }

  private static JsonObject security(
      int devices, List<String> userAgents, List<String> permittedIps, boolean remote) {
    return Json.createObjectBuilder()
        .add("concurrentRegistrations", devices)
        .add("userAgents", array(userAgents))
        .add("permittedIps", array(permittedIps))
        .add("remoteRegistration", remote)
        .build();
  }

  private static JsonArrayBuilder array(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private HttpResponse<String> defenseSettings(String method, JsonObject body) {
    return Http.send(
        Http.authorized(TestEnvironment.publicUrl() + "/api/v1/defense/settings", token)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body)));
  }
}
