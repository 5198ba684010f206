package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls between extensions with sipp on both ends: the caller authenticates its INVITE after a 407,
 * the callee's phone rings and answers, the callee is shown the caller's extension rather than the
 * From the caller forged, and BYE ends the call on both sides. Each call an authenticated caller
 * placed is in the call log, and an administrator can hang up a live call.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallIT {

  private static final String REJECTED =
      "select count(*) from event_log where type = 'CALL_REJECTED'";
  private static final String HUNG_UP =
      "select count(*) from event_log where type = 'CALL_HUNG_UP'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final ExtensionsApi api = new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));
  private final CallsApi calls = new CallsApi(KeycloakAdmin.tokenWithRole("administrator"));

  @Test
  void anExtensionCallsAnotherWhoAnswersAndTheCallerHangsUp() throws Exception {
    api.createValid("3201", "call3201", "Call3rSecret");
    api.createValid("3202", "call3202", "Call3eSecret");
    int phone = TestEnvironment.freeSipPort();
    assertEquals(200, Sipp.registerAt("3202", "call3202", "Call3eSecret", phone).finalStatus());
    Sipp.Answering callee = Sipp.answer(phone);

    Sipp.Run caller = Sipp.call("3202", "call3201", "Call3rSecret");

    assertEquals(200, caller.finalStatus(), caller.messages());
    assertTrue(caller.messages().contains("SIP/2.0 407"), "the INVITE was challenged first");
    Sipp.Run answered = callee.await();
    assertEquals(200, answered.finalStatus(), answered.messages());
    assertTrue(answered.messages().contains("From: \"Test 3201\" <sip:3201@"), answered.messages());
    assertTrue(!answered.messages().contains("9999"), "the forged From stays with the caller");

    JsonObject record = calls.recordsOf("3202").getJsonObject(0);
    assertEquals("3201", record.getString("caller"));
    assertEquals("3202", record.getString("callee"));
    assertEquals("ANSWERED", record.getString("disposition"));
    assertEquals("CALLER", record.getString("hangupSide"));
    assertEquals(1, record.getInt("billableSeconds"), "half a second of talk bills one second");
    assertTrue(calls.live().isEmpty(), "no call is left live");
  }

  @Test
  void anAdministratorHangsUpALiveCallOnBothSides() throws Exception {
    api.createValid("3221", "call3221", "Call3rSecret");
    api.createValid("3222", "call3222", "Call3eSecret");
    int phone = TestEnvironment.freeSipPort();
    assertEquals(200, Sipp.registerAt("3222", "call3222", "Call3eSecret", phone).finalStatus());
    Sipp.Answering callee = Sipp.answer(phone);
    Sipp.Answering caller = Sipp.callAndHold("3222", "call3221", "Call3rSecret");
    long hungUpBefore = Database.count(HUNG_UP);

    JsonObject live = calls.awaitTalking("3222");
    assertEquals("3221", live.getString("caller"));
    assertEquals(204, calls.hangUp(live.getString("id")).statusCode());

    assertEquals(200, caller.await().finalStatus(), "the caller was sent a BYE");
    assertEquals(200, callee.await().finalStatus(), "the callee was sent a BYE");
    JsonObject record = calls.recordsOf("3222").getJsonObject(0);
    assertEquals("SYSTEM", record.getString("hangupSide"));
    assertTrue(record.getString("cause").startsWith("Hung up by "), record.toString());
    assertEquals(404, calls.hangUp(live.getString("id")).statusCode(), "it is no longer live");
    assertTrue(awaitCount(HUNG_UP, hungUpBefore), "the hang-up is in the event log");
  }

  @Test
  void theCallLogFiltersAndExportsAndRefusesBadFilters() {
    api.createValid("3231", "call3231", "Call3rSecret");
    assertEquals(404, Sipp.call("3298", "call3231", "Call3rSecret").finalStatus());

    HttpResponse<String> csv = calls.cdrsCsv("number=3298");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().startsWith("id,caller,callerName,dialled,callee"), csv.body());
    assertTrue(csv.body().contains(",3231,"), csv.body());
    assertTrue(csv.body().contains(",FAILED,SYSTEM,No such number"), csv.body());
    assertTrue(
        calls
            .cdrsAcceptingAnything("number=3298")
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/json"),
        "a client that accepts anything gets JSON");
    Problems.assertProblem(400, calls.cdrs("number=12%3B%20drop"), "number");
    Problems.assertProblem(400, calls.cdrs("disposition=LOST"), "disposition");
    Problems.assertProblem(
        400, calls.cdrs("from=2026-11-30T10:00:00Z&to=2026-11-30T09:00:00Z"), "from");
  }

  @Test
  void refusalsTellTheCallerWhy() {
    api.createValid("3211", "call3211", "Call3rSecret");
    api.createValid("3212", "call3212", "Call3eSecret");
    long rejectedBefore = Database.count(REJECTED);

    assertEquals(480, Sipp.call("3212", "call3211", "Call3rSecret").finalStatus(), "no phone");
    assertEquals(404, Sipp.call("3299", "call3211", "Call3rSecret").finalStatus(), "no extension");
    assertEquals(403, Sipp.call("3212", "call3211", "wrong-one").finalStatus(), "wrong password");
    assertTrue(awaitCount(REJECTED, rejectedBefore), "the refused INVITE is in the event log");

    JsonArray toPhoneless = calls.recordsOf("3212");
    assertEquals(1, toPhoneless.size(), "the unauthenticated attempt has no call record");
    assertEquals("NO_ANSWER", toPhoneless.getJsonObject(0).getString("disposition"));
    assertEquals("FAILED", calls.recordsOf("3299").getJsonObject(0).getString("disposition"));
  }

  /** Events reach the event log asynchronously, a moment after the answer. */
  private static boolean awaitCount(String query, long before) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Database.count(query) > before) {
        return true;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
