package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A register trunk against a real SIP server playing the provider: Kamailio (the test starts it
 * with {@code src/test/resources/kamailio/provider.cfg}) is a registrar that wants digest
 * credentials and a proxy that challenges its customers' calls. Bulwark registers the trunk
 * "Provider" through it; an extension dials out with a prefix the outbound route strips, Bulwark
 * answers Kamailio's 407 with the trunk's credentials and a phone out in the world (sipp,
 * registered to Kamailio) answers; that phone calls the trunk's number, which Kamailio delivers to
 * Bulwark's registered Contact, and the inbound route rings an extension. Each call is checked in
 * the call log; a trunk with a wrong password shows FAILED with what the provider answered, and is
 * reported down.
 *
 * <p>Addresses: Kamailio listens on {@value #PROVIDER} (the trunk's host: Bulwark knows the
 * provider's calls by that source address) and on {@value #OTHER_PROVIDER} (for the trunk with a
 * wrong password, so that no two trunks share an address); the outside phones are on {@value
 * #OUTSIDE}, which Kamailio trusts without credentials; the extensions' phones on 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrunkKamailioIT {

  static final String PROVIDER = "127.0.0.71";
  static final String OTHER_PROVIDER = "127.0.0.73";
  static final String OUTSIDE = "127.0.0.72";

  /** The trunk account's number at the provider, which is also the DID it calls Bulwark on. */
  private static final String DID = "4930555171";

  private static final String TRUNK_AUTH = "bulwark-pbx";
  private static final String TRUNK_PASSWORD = "Tr0nk-Secret-71";
  private static final String OUTSIDE_NUMBER = "4930999888";
  private static final String OUTSIDE_AUTH = "outside-phone";
  private static final String OUTSIDE_PASSWORD = "0utside-Secret";

  private static final String CALLER = "3801";
  private static final String CALLEE = "3802";
  private static final String CALLER_SECRET = "KamCall3rSecret";
  private static final String CALLEE_SECRET = "KamCall3eSecret";

  private static final String OUT_ROUTE = "Kamailio out";
  private static final String IN_ROUTE = "Kamailio DID";

  private static Kamailio kamailio;
  private static String provider;
  private static long trunk;
  private static final List<String> created = new ArrayList<>();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final CallsApi calls = new CallsApi(KeycloakAdmin.tokenWithRole("administrator"));

  @BeforeAll
  static void provider() {
    int port = Kamailio.freeUdpPort(PROVIDER, OTHER_PROVIDER);
    provider = PROVIDER + ":" + port;
    kamailio =
        Kamailio.start(
            "provider.cfg",
            Map.of(
                "LISTEN", PROVIDER,
                "LISTEN_OTHER", OTHER_PROVIDER,
                "PORT", Integer.toString(port),
                "OUTSIDE", OUTSIDE,
                "TRUNK_AUTH", TRUNK_AUTH,
                "TRUNK_PASSWORD", TRUNK_PASSWORD,
                "TRUNK_USER", DID,
                "PHONE_AUTH", OUTSIDE_AUTH,
                "PHONE_PASSWORD", OUTSIDE_PASSWORD,
                "PHONE_USER", OUTSIDE_NUMBER));

    ExtensionsApi extensions = new ExtensionsApi(token());
    extensions.createValid(CALLER, "kam" + CALLER, CALLER_SECRET);
    extensions.createValid(CALLEE, "kam" + CALLEE, CALLEE_SECRET);
    trunk = create("/trunks", trunk("Provider", PROVIDER, port, TRUNK_PASSWORD));
    create(
        "/outbound-routes",
        Json.createObjectBuilder()
            .add("name", OUT_ROUTE)
            .add(
                "dialPatterns",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("pattern", "9.").add("strip", 1)))
            .add("trunkIds", Json.createArrayBuilder().add(trunk))
            .add("members", Json.createArrayBuilder().add(CALLER))
            .build());
    long inbound =
        create(
            "/inbound-routes",
            Json.createObjectBuilder()
                .add("name", IN_ROUTE)
                .add("didPattern", DID)
                .add("destination", CALLEE)
                .build());
    firstOfAll(inbound);
  }

  /**
   * Moves the inbound route to the top, where no route of another test that takes any number (the
   * suite shares one database) comes before it.
   */
  private static void firstOfAll(long route) {
    for (int moves = 0; moves < 100; moves++) {
      HttpResponse<String> moved =
          send(
              "POST",
              "/inbound-routes/" + route + "/move",
              Json.createObjectBuilder().add("direction", "up").build());
      assertEquals(200, moved.statusCode(), moved.body());
      if (Http.array(moved).getJsonObject(0).getJsonNumber("id").longValue() == route) {
        return;
      }
    }
    throw new AssertionError("the inbound route did not reach the top");
  }

  /** Routes and trunks go (withdrawing the registration while Kamailio still answers), then it. */
  @AfterAll
  static void stopProvider() {
    try {
      for (int i = created.size() - 1; i >= 0; i--) {
        send("DELETE", created.get(i), null);
      }
    } finally {
      if (kamailio != null) {
        kamailio.close();
      }
    }
  }

  @Test
  @Order(1)
  void theTrunkRegistersWithDigestAndKamailioHoldsItsBinding() {
    JsonObject shown = awaitStatus(trunk, "REGISTERED");
    assertEquals("Provider", shown.getString("name"));

    String binding = kamailio.rpc("ul.lookup", "location", "s:" + DID);
    assertTrue(
        binding.contains("sip:" + DID + "@127.0.0.1:" + TestEnvironment.sipPort()),
        "Kamailio reaches the account's number at Bulwark:\n" + binding);
    String log = kamailio.log();
    assertTrue(
        log.contains("REGISTER sip:" + provider + " from 127.0.0.1:" + TestEnvironment.sipPort()),
        "Bulwark registered from its SIP port:\n" + log);
  }

  @Test
  @Order(2)
  void anExtensionCallsOutThroughTheTrunkAndItsCallIsRecorded() {
    awaitStatus(trunk, "REGISTERED");
    int phone = TestEnvironment.freeSipPort();
    assertEquals(
        200,
        Sipp.registerTo(provider, OUTSIDE_NUMBER, OUTSIDE_AUTH, OUTSIDE_PASSWORD, OUTSIDE, phone)
            .finalStatus(),
        "the outside phone registered to the provider");
    Sipp.Answering outside = Sipp.phoneAt("call-uas-outside.xml", OUTSIDE, phone);

    Sipp.Run caller = Sipp.call("9" + OUTSIDE_NUMBER, "kam" + CALLER, CALLER_SECRET);

    assertEquals(200, caller.finalStatus(), caller.messages() + "\n" + kamailio.log());
    Sipp.Run answered = outside.await();
    assertEquals(200, answered.finalStatus(), answered.messages());
    String invite = firstInvite(answered.messages());
    assertTrue(
        invite.contains("To: <sip:" + OUTSIDE_NUMBER + "@" + PROVIDER + ">"),
        "the provider was asked for the number without the route's prefix:\n" + invite);
    assertFalse(invite.contains("9" + OUTSIDE_NUMBER), invite);
    assertTrue(
        invite.contains("From: <sip:" + DID + "@" + PROVIDER + ">"),
        "the caller ID is the trunk account's:\n" + invite);
    assertTrue(
        invite.contains("Via: SIP/2.0/UDP " + provider),
        "it came through the provider:\n" + invite);
    String log = kamailio.log();
    assertTrue(
        log.contains("INVITE sip:" + OUTSIDE_NUMBER + "@" + provider + " from 127.0.0.1:"),
        "Kamailio was sent the INVITE:\n" + log);

    JsonObject record =
        awaitRecord(CALLER, r -> ("9" + OUTSIDE_NUMBER).equals(r.getString("dialled", null)));
    assertEquals(CALLER, record.getString("caller", null), record.toString());
    assertEquals(OUTSIDE_NUMBER, record.getString("callee", null), record.toString());
    assertEquals(OUT_ROUTE, record.getString("route", null), record.toString());
    assertEquals("Provider", record.getString("trunk", null), record.toString());
    assertEquals("ANSWERED", record.getString("disposition", null), record.toString());
    assertEquals("CALLER", record.getString("hangupSide", null), record.toString());
  }

  @Test
  @Order(3)
  void theProviderCallsTheDidAndTheInboundRouteRingsTheExtension() {
    awaitStatus(trunk, "REGISTERED");
    int phone = TestEnvironment.freeSipPort();
    assertEquals(
        200,
        Sipp.registerAt(CALLEE, "kam" + CALLEE, CALLEE_SECRET, phone).finalStatus(),
        "the callee's phone registered to Bulwark");
    Sipp.Answering callee = Sipp.answer(phone);

    Sipp.Run caller = Sipp.callThrough(provider, OUTSIDE, DID, OUTSIDE_NUMBER).await();

    assertEquals(200, caller.finalStatus(), caller.messages() + "\n" + kamailio.log());
    Sipp.Run answered = callee.await();
    assertEquals(200, answered.finalStatus(), answered.messages());
    String invite = firstInvite(answered.messages());
    assertTrue(
        invite.contains("<sip:" + OUTSIDE_NUMBER + "@"),
        "the extension is shown the outside caller's number:\n" + invite);

    JsonObject record =
        awaitRecord(CALLEE, r -> OUTSIDE_NUMBER.equals(r.getString("caller", null)));
    assertEquals(DID, record.getString("dialled", null), record.toString());
    assertEquals(CALLEE, record.getString("callee", null), record.toString());
    assertEquals(IN_ROUTE, record.getString("route", null), record.toString());
    assertEquals("Provider", record.getString("trunk", null), record.toString());
    assertEquals("ANSWERED", record.getString("disposition", null), record.toString());
    assertEquals("CALLER", record.getString("hangupSide", null), record.toString());
  }

  @Test
  @Order(4)
  void aWrongPasswordShowsTheTrunkFailedWithTheProvidersAnswer() throws InterruptedException {
    int port = Integer.parseInt(provider.substring(provider.indexOf(':') + 1));
    long wrong =
        create(
            "/trunks",
            trunk("Provider wrong password", OTHER_PROVIDER, port, "Not-" + TRUNK_PASSWORD));

    JsonObject shown = awaitStatus(wrong, "FAILED");

    assertTrue(
        shown.getString("statusDetail", "").contains("403"),
        "the detail says what the provider answered: " + shown);
    assertTrue(
        kamailio.log().contains("wrong password for " + TRUNK_AUTH),
        "Kamailio checked the credentials:\n" + kamailio.log());
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'TRUNK_DOWN' and severity = 'ALERT'"
                + " and detail like 'trunk Provider wrong password: 403%'"),
        "the trunk is reported down once, with the provider's answer");
  }

  /** Last, as it takes the trunk away: its registration is withdrawn at the provider. */
  @Test
  @Order(5)
  void deletingTheTrunkWithdrawsItsRegistration() {
    awaitStatus(trunk, "REGISTERED");
    assertTrue(kamailio.rpc("ul.dump").contains("AoR: " + DID), "registered before");
    for (int i = created.size() - 1; i >= 0; i--) {
      HttpResponse<String> deleted = send("DELETE", created.get(i), null);
      assertEquals(204, deleted.statusCode(), created.get(i) + ": " + deleted.body());
    }
    created.clear();

    long deadline = System.nanoTime() + 10_000_000_000L;
    String bindings = kamailio.rpc("ul.dump");
    while (bindings.contains("AoR: " + DID) && System.nanoTime() - deadline < 0) {
      pause(200);
      bindings = kamailio.rpc("ul.dump");
    }
    assertFalse(
        bindings.contains("AoR: " + DID),
        "the binding is gone within 10 s:\n" + bindings + "\n" + kamailio.log());
  }

  private static JsonObject trunk(String name, String host, int port, String password) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("kind", "REGISTER")
        .add("host", host)
        .add("port", port)
        .add("domain", host)
        .add("username", DID)
        .add("authName", TRUNK_AUTH)
        .add("password", password)
        .add("registrationExpiry", 120)
        .build();
  }

  /** The trunk as GET /api/v1/trunks lists it once its status is {@code status} (20 s at most). */
  private static JsonObject awaitStatus(long id, String status) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    JsonObject last = null;
    while (System.nanoTime() - deadline < 0) {
      HttpResponse<String> listed = send("GET", "/trunks", null);
      assertEquals(200, listed.statusCode(), listed.body());
      for (JsonObject t : Http.array(listed).getValuesAs(JsonObject.class)) {
        if (t.getJsonNumber("id").longValue() == id) {
          last = t;
        }
      }
      if (last != null && status.equals(last.getString("status", null))) {
        return last;
      }
      pause(250);
    }
    throw new AssertionError(
        "trunk " + id + " not " + status + " within 20 s: " + last + "\n" + kamailio.log());
  }

  /** The newest call record of {@code number} that {@code matches} (10 s at most). */
  private JsonObject awaitRecord(String number, Predicate<JsonObject> matches) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() - deadline < 0) {
      for (JsonObject record : calls.recordsOf(number).getValuesAs(JsonObject.class)) {
        if (matches.test(record) && record.containsKey("endedAt") && !record.isNull("endedAt")) {
          return record;
        }
      }
      pause(200);
    }
    throw new AssertionError("no ended call record for " + number + ": " + calls.recordsOf(number));
  }

  /** The first INVITE a sipp phone received, from its message trace. */
  private static String firstInvite(String messages) {
    int start = messages.indexOf("INVITE sip:");
    if (start < 0) {
      throw new AssertionError("no INVITE received:\n" + messages);
    }
    int end = messages.indexOf("\n\n", start);
    return messages.substring(start, end < 0 ? messages.length() : end);
  }

  private static long create(String path, JsonObject body) {
    HttpResponse<String> response = send("POST", path, body);
    assertEquals(201, response.statusCode(), path + ": " + response.body());
    long id = Http.object(response).getJsonNumber("id").longValue();
    created.add(path + "/" + id);
    return id;
  }

  private static HttpResponse<String> send(String method, String path, JsonStructure body) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body);
    return Http.send(
        Http.authorized(TestEnvironment.publicUrl() + "/api/v1" + path, token())
            .method(method, publisher));
  }

  private static String token;
  private static long tokenSince;

  /** An administrator's token, taken again after a minute: the class runs longer than one lives. */
  private static synchronized String token() {
    if (token == null || System.nanoTime() - tokenSince > 60_000_000_000L) {
      token = KeycloakAdmin.tokenWithRole("administrator");
      tokenSince = System.nanoTime();
    }
    return token;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
