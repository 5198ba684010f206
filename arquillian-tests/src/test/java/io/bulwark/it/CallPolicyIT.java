package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound call security through {@code /api/v1/blocked-numbers} and sipp calls: a blocked number
 * and a caller the route does not list are each refused with 403 before any trunk is touched, and
 * each refusal is a {@code CALL_DENIED} event naming the rule.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallPolicyIT {

  private static final String MEMBER = "3811";
  private static final String OUTSIDER = "3812";
  private static final String LOCAL_ONLY = "3814";
  private static final String FREQUENT = "3813";
  private static final String TIMED = "3815";
  private static final String ABROAD = "3816";
  private static final String DAYTIME = "3817";
  private static final String NIGHT_SHIFT = "3818";
  private static final String SALES = "3819";
  private static final String SUPPORT = "3820";
  private static final String BURSTY = "3821";
  private static final String NIGHT_OWL = "3822";
  private static final String TRAVELLER = "3823";
  private static final String PINNED = "3824";
  private static final String SECRET = "P0licyCallerSecret";
  private static final String PEER = "127.0.0.74";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");
  private final List<String> created = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestMade() {
    for (int i = created.size() - 1; i >= 0; i--) {
      send("DELETE", created.get(i), null);
    }
  }

  @Test
  void aBlockedNumberAndACallerTheRouteDoesNotListGet403AndAnEvent() throws InterruptedException {
    ExtensionsApi extensions = new ExtensionsApi(token);
    extensions.createValid(MEMBER, "pol" + MEMBER, SECRET);
    extensions.createValid(OUTSIDER, "pol" + OUTSIDER, SECRET);
    long local = extensions.createValid(LOCAL_ONLY, "pol" + LOCAL_ONLY, SECRET);
    JsonObject current = Http.object(extensions.get(local));
    HttpResponse<String> restricted =
        extensions.update(
            local,
            Json.createObjectBuilder()
                .add("displayName", current.getString("displayName"))
                .add("registrationName", current.getString("registrationName"))
                .add(
                    "restrictions", Json.createObjectBuilder().add("internationalDisallowed", true))
                .build());
    assertEquals(200, restricted.statusCode(), restricted.body());
    assertTrue(
        Http.object(restricted)
            .getJsonObject("restrictions")
            .getBoolean("internationalDisallowed"));
    routeThroughPeer("IT policy", 5060, "8", null, MEMBER, LOCAL_ONLY);

    HttpResponse<String> bad = send("POST", "/blocked-numbers", blocked("IT bad", "19.00"));
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("\"patterns\""), bad.body());
    assertFalse(
        Http.array(send("GET", "/blocked-numbers/presets", null)).isEmpty(), "presets are offered");
    create("/blocked-numbers", blocked("IT premium", "1900NXXXXXX"));

    JsonObject why =
        Http.object(
            send("GET", "/call-policy/check?extension=" + MEMBER + "&number=819005551234", null));
    assertEquals("IT policy out", why.getString("route"), why.toString());
    assertEquals("19005551234", why.getString("sentNumber"));
    assertFalse(why.getBoolean("allowed"));
    List<JsonObject> verdicts = why.getJsonArray("verdicts").getValuesAs(JsonObject.class);
    assertEquals(
        List.of(
            "Outbound route permission",
            "Route time condition",
            "Route PIN",
            "Extension call restrictions",
            "Blocked numbers",
            "Outbound call frequency",
            "Spend guard"),
        verdicts.stream().map(v -> v.getString("rule")).toList());
    assertEquals(
        List.of(true, true, true, true, false, true, true),
        verdicts.stream().map(v -> v.getBoolean("allowed")).toList(),
        "only the blocked numbers deny it");
    assertEquals(400, send("GET", "/call-policy/check?extension=" + MEMBER, null).statusCode());

    Sipp.Run premium = Sipp.call("819005551234", "pol" + MEMBER, SECRET);
    assertEquals(403, premium.finalStatus(), premium.messages());
    Sipp.Run outsider = Sipp.call("84930123456", "pol" + OUTSIDER, SECRET);
    assertEquals(403, outsider.finalStatus(), outsider.messages());
    Sipp.Run abroad = Sipp.call("80049301234567", "pol" + LOCAL_ONLY, SECRET);
    assertEquals(403, abroad.finalStatus(), abroad.messages());

    assertEquals(
        1,
        Database.awaitExactCount(
            1,
            "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                + " and detail like 'Blocked numbers: %1900NXXXXXX%'",
            MEMBER));
    assertEquals(
        1,
        Database.awaitExactCount(
            1,
            "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                + " and detail like 'Outbound route permission: %'",
            OUTSIDER));
    assertEquals(
        1,
        Database.awaitExactCount(
            1,
            "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                + " and detail like 'Extension call restrictions: International calls are not%'",
            LOCAL_ONLY));
    assertEquals(
        1,
        Database.count(
            "select count(*) from event_log where type = 'BLOCKED_NUMBER_CREATED'"
                + " and detail like '%IT premium%'"));
  }

  @Test
  void theFrequencyRuleDeniesAnExtensionsCallsOverItsLimit() throws InterruptedException {
    JsonObject before = Http.object(send("GET", "/call-policy/settings", null));
    assertTrue(before.getBoolean("frequencyEnabled"), "on by default: " + before);
    assertEquals(5, before.getInt("frequencyCalls"));
    assertEquals(1, before.getInt("frequencySeconds"));
    HttpResponse<String> wrong =
        send(
            "PUT",
            "/call-policy/settings",
            Json.createObjectBuilder(before).add("frequencyCalls", 0).build());
    assertEquals(400, wrong.statusCode(), wrong.body());
    HttpResponse<String> once =
        send(
            "PUT",
            "/call-policy/settings",
            Json.createObjectBuilder(before)
                .add("frequencyCalls", 1)
                .add("frequencySeconds", 60)
                .build());
    assertEquals(200, once.statusCode(), once.body());
    try {
      new ExtensionsApi(token).createValid(FREQUENT, "pol" + FREQUENT, SECRET);
      int port = TestEnvironment.freeSipPort();
      routeThroughPeer("IT frequency", port, "7", null, FREQUENT);
      Sipp.Answering provider = Sipp.phoneAt("call-uas.xml", PEER, port);

      Sipp.Run first = Sipp.call("74930123456", "pol" + FREQUENT, SECRET);
      assertEquals(200, first.finalStatus(), first.messages());
      assertEquals(200, provider.await().finalStatus(), "the trunk's peer answered it");
      Sipp.Run second = Sipp.call("74930123456", "pol" + FREQUENT, SECRET);
      assertEquals(403, second.finalStatus(), second.messages());
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                  + " and detail like 'Outbound call frequency: More than 1 outbound calls in 60 s%'",
              FREQUENT));
    } finally {
      JsonObject now = Http.object(send("GET", "/call-policy/settings", null));
      send(
          "PUT",
          "/call-policy/settings",
          Json.createObjectBuilder(before).add("version", now.getInt("version")).build());
    }
  }

  @Test
  void aTrunkAtItsLimitRefusesTheNextCallWith503AndACallIsHungUpAtItsMaxDuration()
      throws InterruptedException {
    ExtensionsApi extensions = new ExtensionsApi(token);
    long timed = extensions.createValid(TIMED, "pol" + TIMED, SECRET);
    JsonObject current = Http.object(extensions.get(timed));
    HttpResponse<String> tooLong =
        extensions.update(timed, withMaxOutboundSeconds(current, 86_401));
    assertEquals(400, tooLong.statusCode(), tooLong.body());
    assertTrue(tooLong.body().contains("restrictions.maxOutboundSeconds"), tooLong.body());
    HttpResponse<String> limited = extensions.update(timed, withMaxOutboundSeconds(current, 6));
    assertEquals(200, limited.statusCode(), limited.body());
    int port = TestEnvironment.freeSipPort();
    routeThroughPeer("IT limits", port, "6", 5, TIMED);
    Sipp.Answering provider = Sipp.phoneAt("call-uas.xml", PEER, port, 5);

    List<Sipp.Answering> held = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      held.add(Sipp.callAndHold("6493012345" + i, "pol" + TIMED, SECRET));
    }
    assertEquals(
        5,
        Database.awaitExactCount(
            5,
            "select count(*) from call_record where caller = ? and answered_at is not null",
            TIMED),
        "five calls up on the trunk");
    // The default frequency rule lets an extension place 5 calls a second: the sixth waits for
    // the next second, so that only the trunk's limit can refuse it.
    Thread.sleep(1_100);
    Sipp.Run sixth = Sipp.call("64930123459", "pol" + TIMED, SECRET);

    assertEquals(503, sixth.finalStatus(), "the trunk carries five calls: " + sixth.messages());
    for (Sipp.Answering caller : held) {
      assertEquals(200, caller.await().finalStatus(), "each caller got a BYE and answered it");
    }
    assertEquals(200, provider.await().finalStatus(), "so did the trunk's peer");
    List<List<String>> ended =
        java.util.Collections.nCopies(
            5, List.of("Maximum call duration of 6 s reached", "SYSTEM", "6"));
    assertEquals(
        ended,
        Database.awaitRows(
            ended,
            "select cause, hangup_side, timestampdiff(SECOND, answered_at, ended_at)"
                + " from call_record"
                + " where caller = ? and answered_at is not null",
            TIMED));
    assertEquals(
        1,
        Database.awaitExactCount(
            1,
            "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                + " and detail like 'Trunk concurrent calls: Every trunk of route IT limits out%'",
            TIMED));
  }

  @Test
  void withTheDialingProtectionOnOnlyAllowedCountryCodesAreCalled() throws InterruptedException {
    JsonObject before = Http.object(send("GET", "/call-policy/country-codes", null));
    assertFalse(before.getBoolean("enabled"), "off on a new system");
    assertTrue(
        before.getJsonArray("codes").getValuesAs(JsonObject.class).stream()
            .anyMatch(c -> c.getString("code").equals("1-242")),
        "the Bahamas have their own code");
    HttpResponse<String> unknown =
        send(
            "PUT",
            "/call-policy/country-codes",
            Json.createObjectBuilder()
                .add("enabled", true)
                .add("allowed", Json.createArrayBuilder().add("49").add("999"))
                .build());
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("999"), unknown.body());
    assertFalse(
        Http.object(send("GET", "/call-policy/country-codes", null)).getBoolean("enabled"),
        "a refused change changes nothing");
    HttpResponse<String> on =
        send(
            "PUT",
            "/call-policy/country-codes",
            Json.createObjectBuilder()
                .add("enabled", true)
                .add("allowed", Json.createArrayBuilder().add("49").add("1"))
                .build());
    assertEquals(200, on.statusCode(), on.body());
    assertEquals(
        List.of("1", "49"),
        Http.object(on).getJsonArray("allowed").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    try {
      new ExtensionsApi(token).createValid(ABROAD, "pol" + ABROAD, SECRET);
      int port = TestEnvironment.freeSipPort();
      routeThroughPeer("IT abroad", port, "5", null, ABROAD);
      Sipp.Answering provider = Sipp.phoneAt("call-uas.xml", PEER, port);

      Sipp.Run bahamas = Sipp.call("50012425551234", "pol" + ABROAD, SECRET);
      Sipp.Run germany = Sipp.call("5004930123456", "pol" + ABROAD, SECRET);

      assertEquals(403, bahamas.finalStatus(), bahamas.messages());
      assertEquals(200, germany.finalStatus(), germany.messages());
      assertEquals(200, provider.await().finalStatus(), "the German call reached the trunk");
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                  + " and detail like 'Allowed country codes: Calls to +1-242 Bahamas (BS)%'",
              ABROAD));
      assertEquals(
          1,
          Database.awaitCount(
              1,
              "select count(*) from event_log where type = 'ALLOWED_COUNTRY_CODES_UPDATED'"
                  + " and detail like 'dialing protection on, 2 codes allowed%'"));
    } finally {
      JsonObject now = Http.object(send("GET", "/call-policy/country-codes", null));
      send(
          "PUT",
          "/call-policy/country-codes",
          Json.createObjectBuilder()
              .add("enabled", false)
              .add("allowed", Json.createArrayBuilder())
              .add("version", now.getInt("version"))
              .build());
    }
  }

  @Test
  void aRouteForBusinessHoursIsClosedOnAHolidayAndAnExtensionOutsideItsHours()
      throws InterruptedException {
    JsonObject before = Http.object(send("GET", "/business-hours", null));
    assertEquals("UTC", before.getString("timeZone"), before.toString());
    assertEquals(
        List.of("MON", "TUE", "WED", "THU", "FRI"),
        before
            .getJsonArray("ranges")
            .getJsonObject(0)
            .getJsonArray("days")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList(),
        "weekdays on a new system");
    HttpResponse<String> wrong =
        send(
            "PUT",
            "/business-hours",
            Json.createObjectBuilder(before).add("timeZone", "Mars/Olympus").build());
    assertEquals(400, wrong.statusCode(), wrong.body());
    assertTrue(wrong.body().contains("\"timeZone\""), wrong.body());
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    HttpResponse<String> holiday =
        send(
            "PUT",
            "/business-hours",
            Json.createObjectBuilder(before)
                .add(
                    "holidays",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("name", "IT closed day")
                                .add("first", today)
                                .add("yearly", true)))
                .build());
    assertEquals(200, holiday.statusCode(), holiday.body());
    try {
      ExtensionsApi extensions = new ExtensionsApi(token);
      long daytime = extensions.createValid(DAYTIME, "pol" + DAYTIME, SECRET);
      JsonObject current = Http.object(extensions.get(daytime));
      assertEquals(
          200,
          extensions
              .update(
                  daytime,
                  Json.createObjectBuilder()
                      .add("displayName", current.getString("displayName"))
                      .add("registrationName", current.getString("registrationName"))
                      .add(
                          "restrictions",
                          Json.createObjectBuilder().add("outsideHoursDisabled", true))
                      .build())
              .statusCode());
      long trunk =
          create(
              "/trunks",
              Json.createObjectBuilder()
                  .add("name", "IT hours peer")
                  .add("kind", "PEER")
                  .add("host", PEER)
                  .build());
      JsonObject route =
          Json.createObjectBuilder()
              .add("name", "IT hours out")
              .add(
                  "dialPatterns",
                  Json.createArrayBuilder()
                      .add(Json.createObjectBuilder().add("pattern", "4.").add("strip", 1)))
              .add("trunkIds", Json.createArrayBuilder().add(trunk))
              .add("members", Json.createArrayBuilder().add(DAYTIME))
              .add("timeCondition", "SOMETIMES")
              .build();
      HttpResponse<String> badCondition = send("POST", "/outbound-routes", route);
      assertEquals(400, badCondition.statusCode(), badCondition.body());
      create(
          "/outbound-routes",
          Json.createObjectBuilder(route).add("timeCondition", "BUSINESS_HOURS").build());

      Sipp.Run closed = Sipp.call("44930123456", "pol" + DAYTIME, SECRET);

      assertEquals(403, closed.finalStatus(), closed.messages());
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                  + " and detail like 'Route time condition: Route IT hours out is usable only"
                  + " in business hours: it is IT closed day%'",
              DAYTIME));
      assertEquals(
          List.of(),
          deniedAt("2026-12-07T10:00"),
          "a Monday morning, no holiday: every rule allows it");
      assertEquals(
          List.of("Route time condition", "Extension call restrictions"),
          deniedAt("2026-12-07T20:00"),
          "a Monday evening: the route is closed, and so is the extension");
      assertEquals(
          400,
          send("GET", "/call-policy/check?extension=" + DAYTIME + "&number=4&at=soon", null)
              .statusCode());
    } finally {
      JsonObject now = Http.object(send("GET", "/business-hours", null));
      send(
          "PUT",
          "/business-hours",
          Json.createObjectBuilder(before).add("version", now.getInt("version")).build());
    }
  }

  /** The rules that would deny a call from {@value #DAYTIME} at {@code at}, in order. */
  private List<String> deniedAt(String at) {
    JsonObject why =
        Http.object(
            send(
                "GET",
                "/call-policy/check?extension=" + DAYTIME + "&number=44930123456&at=" + at,
                null));
    assertEquals(
        why.getJsonArray("verdicts").getValuesAs(JsonObject.class).stream()
            .allMatch(v -> v.getBoolean("allowed")),
        why.getBoolean("allowed"));
    return why.getJsonArray("verdicts").getValuesAs(JsonObject.class).stream()
        .filter(v -> !v.getBoolean("allowed"))
        .map(v -> v.getString("rule"))
        .toList();
  }

  @Test
  void anExtensionFollowingACustomFrequencyRuleIsHeldByItAndShownAtItsLimit()
      throws InterruptedException {
    HttpResponse<String> zero =
        send("POST", "/call-policy/frequency-rules", frequencyRule("IT night", 0, 60));
    assertEquals(400, zero.statusCode(), zero.body());
    HttpResponse<String> made =
        send("POST", "/call-policy/frequency-rules", frequencyRule("IT night", 1, 60));
    assertEquals(201, made.statusCode(), made.body());
    long rule = Http.object(made).getJsonNumber("id").longValue();
    ExtensionsApi extensions = new ExtensionsApi(token);
    long night = extensions.createValid(NIGHT_SHIFT, "pol" + NIGHT_SHIFT, SECRET);
    JsonObject current = Http.object(extensions.get(night));
    HttpResponse<String> noSuchRule = extensions.update(night, following(current, rule + 1000));
    assertEquals(400, noSuchRule.statusCode(), noSuchRule.body());
    assertTrue(noSuchRule.body().contains("restrictions.frequencyRuleId"), noSuchRule.body());
    assertEquals(200, extensions.update(night, following(current, rule)).statusCode());
    try {
      int port = TestEnvironment.freeSipPort();
      routeThroughPeer("IT night", port, "3", null, NIGHT_SHIFT);
      Sipp.Answering provider = Sipp.phoneAt("call-uas.xml", PEER, port);

      Sipp.Run first = Sipp.call("34930123456", "pol" + NIGHT_SHIFT, SECRET);
      Sipp.Run second = Sipp.call("34930123456", "pol" + NIGHT_SHIFT, SECRET);

      assertEquals(200, first.finalStatus(), first.messages());
      assertEquals(200, provider.await().finalStatus());
      assertEquals(403, second.finalStatus(), second.messages());
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                  + " and detail like 'Outbound call frequency: More than 1 outbound calls in 60 s"
                  + " (rule IT night)%'",
              NIGHT_SHIFT));
      List<JsonObject> holds =
          Http.array(send("GET", "/call-policy/frequency-holds", null))
              .getValuesAs(JsonObject.class);
      assertTrue(
          holds.stream()
              .anyMatch(
                  h ->
                      h.getString("extension").equals(NIGHT_SHIFT)
                          && h.getString("rule").equals("IT night")),
          holds.toString());
      HttpResponse<String> inUse = send("DELETE", "/call-policy/frequency-rules/" + rule, null);
      assertEquals(409, inUse.statusCode(), inUse.body());
      assertTrue(inUse.body().contains(NIGHT_SHIFT), inUse.body());
    } finally {
      extensions.update(night, following(Http.object(extensions.get(night)), null));
      assertEquals(204, send("DELETE", "/call-policy/frequency-rules/" + rule, null).statusCode());
    }
  }

  @Test
  void aRouteListingAnExtensionGroupIsOpenToItsMembersAsTheyAreNow() {
    ExtensionsApi extensions = new ExtensionsApi(token);
    extensions.createValid(SALES, "pol" + SALES, SECRET);
    extensions.createValid(SUPPORT, "pol" + SUPPORT, SECRET);
    HttpResponse<String> ghost = send("POST", "/extension-groups", group("IT ghosts", "3999999"));
    assertEquals(400, ghost.statusCode(), ghost.body());
    long group = create("/extension-groups", group("IT sales", SALES));
    long trunk =
        create(
            "/trunks",
            Json.createObjectBuilder()
                .add("name", "IT group peer")
                .add("kind", "PEER")
                .add("host", PEER)
                .build());
    create(
        "/outbound-routes",
        Json.createObjectBuilder()
            .add("name", "IT group out")
            .add(
                "dialPatterns",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("pattern", "2.").add("strip", 1)))
            .add("trunkIds", Json.createArrayBuilder().add(trunk))
            .add("groupIds", Json.createArrayBuilder().add(group))
            .build());

    assertEquals("IT group out", routeFor(SALES), "a member of the group");
    assertEquals(null, routeFor(SUPPORT), "not a member");
    JsonObject sales = Http.object(send("GET", "/extension-groups/" + group, null));
    HttpResponse<String> grown =
        send(
            "PUT",
            "/extension-groups/" + group,
            Json.createObjectBuilder(group("IT sales", SALES, SUPPORT))
                .add("version", sales.getInt("version"))
                .build());
    assertEquals(200, grown.statusCode(), grown.body());
    assertEquals("IT group out", routeFor(SUPPORT), "a member now");
    HttpResponse<String> listed = send("DELETE", "/extension-groups/" + group, null);
    assertEquals(409, listed.statusCode(), listed.body());
    assertTrue(listed.body().contains("IT group out"), listed.body());
  }

  @Test
  void theSpendGuardLimitsInternationalCallsAndBlocksAFirstCallAbroadAtNight()
      throws InterruptedException {
    JsonObject calendar = Http.object(send("GET", "/business-hours", null));
    JsonObject guard = Http.object(send("GET", "/call-policy/spend-guard", null));
    assertTrue(guard.getBoolean("alertOnAnomaly"), "alerts on a new system: " + guard);
    assertFalse(guard.getBoolean("blockOnAnomaly"));
    HttpResponse<String> zero =
        send(
            "PUT",
            "/call-policy/spend-guard",
            Json.createObjectBuilder().add("extensionInternationalPerHour", 0).build());
    assertEquals(400, zero.statusCode(), zero.body());
    assertEquals(
        200,
        send(
                "PUT",
                "/business-hours",
                Json.createObjectBuilder(calendar)
                    .add(
                        "holidays",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("name", "IT night")
                                    .add(
                                        "first",
                                        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                            .toString())))
                    .build())
            .statusCode());
    try {
      ExtensionsApi extensions = new ExtensionsApi(token);
      long owl = extensions.createValid(NIGHT_OWL, "pol" + NIGHT_OWL, SECRET);
      extensions.createValid(TRAVELLER, "pol" + TRAVELLER, SECRET);
      int port = TestEnvironment.freeSipPort();
      routeThroughPeer("IT spend", port, "0", null, NIGHT_OWL, TRAVELLER);
      putSpendGuard(1, true);

      Sipp.Run blocked = Sipp.call("0004930123456", "pol" + NIGHT_OWL, SECRET);

      assertEquals(403, blocked.finalStatus(), blocked.messages());
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'TOLL_FRAUD_SUSPECTED' and identity = ?"
                  + " and action = 'block' and detail like 'first call of extension "
                  + NIGHT_OWL
                  + " to +49 Germany (DE) in 30 days, and it is IT night%'",
              NIGHT_OWL));
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from extension where number = ? and outbound_disabled = true",
              NIGHT_OWL),
          "the extension's outbound calls were disabled");
      assertTrue(
          Http.object(extensions.get(owl))
              .getJsonObject("restrictions")
              .getBoolean("outboundDisabled"));
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'EXTENSION_OUTBOUND_DISABLED'"
                  + " and identity = ?",
              NIGHT_OWL));

      putSpendGuard(1, false);
      Sipp.Answering provider = Sipp.phoneAt("call-uas.xml", PEER, port);
      Sipp.Run first = Sipp.call("0004930123456", "pol" + TRAVELLER, SECRET);
      Sipp.Run second = Sipp.call("0004930123457", "pol" + TRAVELLER, SECRET);

      assertEquals(200, first.finalStatus(), "an alert, not a block: " + first.messages());
      assertEquals(200, provider.await().finalStatus());
      assertEquals(403, second.finalStatus(), second.messages());
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'CALL_DENIED' and identity = ? and"
                  + " detail like 'Spend guard: Extension "
                  + TRAVELLER
                  + " placed its 1 international calls of the last hour%'",
              TRAVELLER));
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'TOLL_FRAUD_SUSPECTED' and identity = ?"
                  + " and action = 'alert'",
              TRAVELLER));
    } finally {
      JsonObject now = Http.object(send("GET", "/call-policy/spend-guard", null));
      send(
          "PUT",
          "/call-policy/spend-guard",
          Json.createObjectBuilder(guard).add("version", now.getInt("version")).build());
      JsonObject hours = Http.object(send("GET", "/business-hours", null));
      send(
          "PUT",
          "/business-hours",
          Json.createObjectBuilder(calendar).add("version", hours.getInt("version")).build());
    }
  }

  @Test
  void aRouteWithAPinListTakesTheCallOnTheRightPinKeyedAsRfc4733EventsAndEndsItAfterThreeWrong()
      throws Exception {
    HttpResponse<String> tooShort =
        send(
            "POST",
            "/pin-lists",
            Json.createObjectBuilder()
                .add("name", "IT pins")
                .add("pins", Json.createArrayBuilder().add("12"))
                .build());
    assertEquals(400, tooShort.statusCode(), tooShort.body());
    long list =
        create(
            "/pin-lists",
            Json.createObjectBuilder()
                .add("name", "IT pins")
                .add("pins", Json.createArrayBuilder().add("1234").add("5678"))
                .build());
    new ExtensionsApi(token).createValid(PINNED, "pol" + PINNED, SECRET);
    int port = TestEnvironment.freeSipPort();
    long trunk =
        create(
            "/trunks",
            Json.createObjectBuilder()
                .add("name", "IT pin peer")
                .add("kind", "PEER")
                .add("host", PEER)
                .add("port", port)
                .build());
    JsonObject route =
        Json.createObjectBuilder()
            .add("name", "IT pin out")
            .add(
                "dialPatterns",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("pattern", "9.").add("strip", 1)))
            .add("trunkIds", Json.createArrayBuilder().add(trunk))
            .add("members", Json.createArrayBuilder().add(PINNED))
            .add("pinMode", "LIST")
            .build();
    HttpResponse<String> noList = send("POST", "/outbound-routes", route);
    assertEquals(400, noList.statusCode(), noList.body());
    assertTrue(noList.body().contains("pinListId"), noList.body());
    create("/outbound-routes", Json.createObjectBuilder(route).add("pinListId", list).build());
    Path pcaps = Files.createDirectories(Path.of("target", "pcap")).toAbsolutePath();
    Sipp.Answering provider = Sipp.phoneAt("call-uas.xml", PEER, port);

    Sipp.Run right =
        Sipp.dialPlaying(
                "pin-uac.xml",
                "94930123456",
                "pol" + PINNED,
                SECRET,
                DtmfPcap.write(pcaps.resolve("pin-right.pcap"), "5678"))
            .await();

    assertEquals(200, right.finalStatus(), right.messages());
    assertEquals(
        200, provider.await().finalStatus(), "the trunk's peer got the call after the PIN");
    assertEquals(
        List.of(List.of("5678", "IT pin peer")),
        Database.awaitRows(
            List.of(List.of("5678", "IT pin peer")),
            "select pin, trunk from call_record where caller = ? and answered_at is not null",
            PINNED));

    Sipp.Run wrong =
        Sipp.dialPlaying(
                "pin-uac-refused.xml",
                "94930123456",
                "pol" + PINNED,
                SECRET,
                DtmfPcap.write(pcaps.resolve("pin-wrong.pcap"), "111122223333"))
            .await();

    assertEquals(200, wrong.finalStatus(), "Bulwark hung up: " + wrong.messages());
    assertEquals(
        1,
        Database.awaitExactCount(
            1,
            "select count(*) from call_record where caller = ? and cause = 'A wrong PIN 3 times'",
            PINNED));
    assertTrue(
        Database.awaitCount(
                1,
                "select count(*) from event_log where type = 'ROUTE_PIN_FAILED' and identity = ?"
                    + " and detail like 'Route IT pin out: a wrong PIN%'",
                PINNED)
            >= 1,
        "the wrong PINs are events");
    HttpResponse<String> inUse = send("DELETE", "/pin-lists/" + list, null);
    assertEquals(409, inUse.statusCode(), inUse.body());
  }

  /** One international call an hour per extension; suspicions alert, and block when asked. */
  private void putSpendGuard(int internationalPerHour, boolean block) {
    HttpResponse<String> put =
        send(
            "PUT",
            "/call-policy/spend-guard",
            Json.createObjectBuilder()
                .add("extensionInternationalPerHour", internationalPerHour)
                .add("alertOnAnomaly", true)
                .add("blockOnAnomaly", block)
                .build());
    assertEquals(200, put.statusCode(), put.body());
  }

  /** The route a call from {@code extension} to 24930123 would take, null for none it may use. */
  private String routeFor(String extension) {
    JsonObject why =
        Http.object(
            send("GET", "/call-policy/check?extension=" + extension + "&number=24930123", null));
    assertTrue(why.getBoolean("routed"), why.toString());
    return why.getString("route", null);
  }

  private static JsonObject group(String name, String... members) {
    JsonArrayBuilder listed = Json.createArrayBuilder();
    for (String member : members) {
      listed.add(member);
    }
    return Json.createObjectBuilder().add("name", name).add("members", listed).build();
  }

  private static JsonObject frequencyRule(String name, int calls, int seconds) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("calls", calls)
        .add("seconds", seconds)
        .build();
  }

  /** The extension as it is, following the custom frequency rule {@code rule} (null: default). */
  private static JsonObject following(JsonObject extension, Long rule) {
    var restrictions = Json.createObjectBuilder();
    if (rule == null) {
      restrictions.addNull("frequencyRuleId");
    } else {
      restrictions.add("frequencyRuleId", rule);
    }
    return Json.createObjectBuilder()
        .add("displayName", extension.getString("displayName"))
        .add("registrationName", extension.getString("registrationName"))
        .add("restrictions", restrictions)
        .build();
  }

  private static JsonObject withMaxOutboundSeconds(JsonObject extension, int seconds) {
    return Json.createObjectBuilder()
        .add("displayName", extension.getString("displayName"))
        .add("registrationName", extension.getString("registrationName"))
        .add("restrictions", Json.createObjectBuilder().add("maxOutboundSeconds", seconds))
        .build();
  }

  @Test
  void tenCallsASecondFromOneExtensionLetTheDefaultFiveASecondThrough()
      throws InterruptedException {
    JsonObject settings = Http.object(send("GET", "/call-policy/settings", null));
    assertEquals(
        List.of(true, 5, 1),
        List.of(
            settings.getBoolean("frequencyEnabled"),
            settings.getInt("frequencyCalls"),
            settings.getInt("frequencySeconds")),
        "the default");
    new ExtensionsApi(token).createValid(BURSTY, "pol" + BURSTY, SECRET);
    int port = TestEnvironment.freeSipPort();
    routeThroughPeer("IT burst", port, "1", null, BURSTY);
    Sipp.Answering provider = Sipp.phoneAt("call-uas.xml", PEER, port, 30);
    try {
      Map<Integer, Integer> answers =
          Sipp.callsAtRate("14930123456", "pol" + BURSTY, SECRET, 10, 30).finals();

      int passed = answers.getOrDefault(200, 0);
      int denied = answers.getOrDefault(403, 0);
      System.out.println("10 calls/s for 3 s from one extension: " + answers);
      assertEquals(30, passed + denied, answers.toString());
      // Windows of a second from each window's first call: 5 of each 10, give or take a window.
      assertTrue(passed >= 12 && passed <= 20, "passed " + passed + " of 30: " + answers);
      // The event throttle records the first denial at once and counts the rest in a summary.
      assertTrue(
          Database.awaitCount(
                  1,
                  "select count(*) from event_log where type = 'CALL_DENIED' and identity = ?"
                      + " and detail like"
                      + " 'Outbound call frequency: More than 5 outbound calls in 1 s%'",
                  BURSTY)
              >= 1,
          "the denials are an event");
    } finally {
      provider.stop();
    }
  }

  /**
   * A peer trunk to {@value #PEER}:{@code port} carrying at most {@code maxCalls} calls (null: no
   * limit), and the outbound route "{@code name} out" that takes numbers after {@code prefix}
   * (stripping it) from {@code members} over it.
   */
  private void routeThroughPeer(
      String name, int port, String prefix, Integer maxCalls, String... members) {
    var trunkBody =
        Json.createObjectBuilder()
            .add("name", name + " peer")
            .add("kind", "PEER")
            .add("host", PEER)
            .add("port", port);
    if (maxCalls != null) {
      trunkBody.add("maxConcurrentCalls", maxCalls);
    }
    long trunk = create("/trunks", trunkBody.build());
    JsonArrayBuilder listed = Json.createArrayBuilder();
    for (String member : members) {
      listed.add(member);
    }
    create(
        "/outbound-routes",
        Json.createObjectBuilder()
            .add("name", name + " out")
            .add(
                "dialPatterns",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("pattern", prefix + ".").add("strip", 1)))
            .add("trunkIds", Json.createArrayBuilder().add(trunk))
            .add("members", listed)
            .build());
  }

  private static JsonObject blocked(String name, String pattern) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("patterns", Json.createArrayBuilder().add(pattern))
        .build();
  }

  private long create(String path, JsonObject body) {
    HttpResponse<String> response = send("POST", path, body);
    assertEquals(201, response.statusCode(), path + ": " + response.body());
    long id = Http.object(response).getJsonNumber("id").longValue();
    created.add(path + "/" + id);
    return id;
  }

  private HttpResponse<String> send(String method, String path, JsonStructure body) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body);
    return Http.send(
        Http.authorized(TestEnvironment.publicUrl() + "/api/v1" + path, token)
            .method(method, publisher));
  }
}
