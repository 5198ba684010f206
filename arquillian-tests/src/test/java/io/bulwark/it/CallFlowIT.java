package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way a call between two extensions goes, with sipp on both ends: the callee hangs up, is
 * busy, declines or does not answer, the caller cancels while it rings or just as the callee
 * answers, the caller puts the call on hold and back, and the callee's two phones ring at once.
 * Each flow is checked as its users see it: the final statuses each phone got, the call's record in
 * the call log, and no call left among the live ones.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallFlowIT {

  /**
   * What a caller waits between ringing and its CANCEL. The race's phone answers 300 ms after its
   * ringing, which reaches the caller some milliseconds later: so the first CANCEL is clearly
   * first, the last clearly too late, and those in between cross the answer one way or the other.
   */
  private static final List<String> CANCEL_DELAYS =
      List.of("150", "280", "288", "294", "300", "306", "400");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final ExtensionsApi api = new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));
  private long calleeId;
  private final CallsApi calls = new CallsApi(KeycloakAdmin.tokenWithRole("administrator"));

  @Test
  void theCalleeHangsUp() {
    int phone = callee("3302");
    Sipp.Answering callee = Sipp.phone("call-uas-hangup.xml", phone);

    Sipp.Run caller = Sipp.callAndHold("3302", "flow3301", "Fl0wCallerSecret").await();
    Sipp.Run hungUp = callee.await();

    assertEquals(200, caller.finalStatus(), "the caller was sent the BYE\n" + caller.messages());
    assertEquals(200, hungUp.finalStatus(), "the callee's BYE was answered\n" + hungUp.messages());
    JsonObject record = lastRecord("3302");
    assertParties(record, "3301", "3302");
    assertEquals("ANSWERED", record.getString("disposition"), record.toString());
    assertEquals("CALLEE", record.getString("hangupSide"), record.toString());
    assertEquals(1, record.getInt("billableSeconds"), "half a second of talk bills one second");
    assertNoLiveCall("3302");
  }

  @Test
  void aBusyCalleeIsReportedBusy() {
    int phone = callee("3312");
    Sipp.Answering callee = Sipp.phone("call-uas-refuse.xml", phone, "status", "486");

    Sipp.Run caller = Sipp.call("3312", "flow3311", "Fl0wCallerSecret");

    assertEquals(486, caller.finalStatus(), caller.messages());
    assertTrue(caller.messages().contains("SIP/2.0 180"), "the caller heard it ring");
    assertEquals(486, callee.await().finalStatus(), "the callee's refusal was acknowledged");
    JsonObject record = lastRecord("3312");
    assertParties(record, "3311", "3312");
    assertEquals("BUSY", record.getString("disposition"), record.toString());
    assertEquals("CALLEE", record.getString("hangupSide"), record.toString());
    assertTrue(record.getString("cause", "").contains("486"), record.toString());
    assertEquals(0, record.getInt("billableSeconds"));
    assertNoLiveCall("3312");
  }

  @Test
  void aDeclinedOrUnavailableCallIsNotAnswered() {
    int phone = callee("3322");
    for (int status : new int[] {603, 480}) {
      Sipp.Answering callee =
          Sipp.phone("call-uas-refuse.xml", phone, "status", Integer.toString(status));

      Sipp.Run caller = Sipp.call("3322", "flow3321", "Fl0wCallerSecret");

      assertEquals(status, caller.finalStatus(), caller.messages());
      assertEquals(status, callee.await().finalStatus(), "the refusal was acknowledged");
      JsonObject record = lastRecord("3322");
      assertEquals("NO_ANSWER", record.getString("disposition"), record.toString());
      assertEquals("CALLEE", record.getString("hangupSide"), record.toString());
      assertTrue(record.getString("cause", "").startsWith(status + " "), record.toString());
      assertNoLiveCall("3322");
    }
    assertEquals(2, calls.recordsOf("3322").size(), "one record a call");
  }

  @Test
  void theCallerCancelsWhileItRings() {
    int phone = callee("3332");
    Sipp.Answering callee = Sipp.phone("call-uas-cancelled.xml", phone);

    Sipp.Run caller =
        Sipp.dial("call-uac-cancel.xml", "3332", "flow3331", "Fl0wCallerSecret", "300").await();

    assertEquals(487, caller.finalStatus(), caller.messages());
    assertTrue(
        Pattern.compile("SIP/2.0 200 [^\\r\\n]*\\R(.+\\R)*?CSeq: 2 CANCEL")
            .matcher(caller.messages())
            .find(),
        "the CANCEL was answered 200\n" + caller.messages());
    Sipp.Run cancelled = callee.await();
    assertEquals(487, cancelled.finalStatus(), "the callee's phone was cancelled");
    assertTrue(cancelled.messages().contains("CANCEL sip:"), cancelled.messages());
    JsonObject record = lastRecord("3332");
    assertParties(record, "3331", "3332");
    assertEquals("NO_ANSWER", record.getString("disposition"), record.toString());
    assertEquals("CALLER", record.getString("hangupSide"), record.toString());
    assertEquals(0, record.getInt("billableSeconds"));
    assertNoLiveCall("3332");
  }

  /**
   * The callee answers at about the moment the caller cancels: whichever reaches Bulwark first
   * wins, and either way both phones end their call and none of its legs stays up.
   */
  @Test
  void aCancelCrossingTheAnswerLeavesNoLegUp() {
    int phone = callee("3342");
    int records = 0;
    for (String delay : CANCEL_DELAYS) {
      Sipp.Answering callee = Sipp.racingPhone("call-uas-race.xml", phone);

      Sipp.Run caller =
          Sipp.racingDial("call-uac-cancel.xml", "3342", "flow3341", "Fl0wCallerSecret", delay)
              .await();
      Sipp.Run answered = callee.await();

      String both =
          "CANCEL after "
              + delay
              + " ms\ncaller:\n"
              + caller.messages()
              + "\ncallee:\n"
              + answered.messages();
      assertTrue(List.of(200, 487).contains(caller.finalStatus()), both);
      assertTrue(List.of(200, 487).contains(answered.finalStatus()), both);
      if (caller.finalStatus() == 200) {
        assertEquals(200, answered.finalStatus(), "the caller talked to the callee\n" + both);
      }
      records++;
      System.out.printf(
          "CANCEL after %s ms: caller %d, callee %d%n",
          delay, caller.finalStatus(), answered.finalStatus());
      JsonArray all = calls.recordsOf("3342");
      assertEquals(records, all.size(), "one record a call\n" + all);
      JsonObject record = all.getJsonObject(0);
      assertTrue(record.containsKey("endedAt"), "the call is over\n" + record + "\n" + both);
      assertEquals(
          caller.finalStatus() == 200 ? "ANSWERED" : "NO_ANSWER",
          record.getString("disposition"),
          record + "\n" + both);
      assertEquals("CALLER", record.getString("hangupSide"), record + "\n" + both);
      assertNoLiveCall("3342");
      String toCallee = answered.messages();
      int ack = toCallee.indexOf("ACK sip:");
      // The first CANCEL counts: one the callee left unanswered is retransmitted (RFC 3261
      // 17.1.2.2), after the ACK too, as the same transaction.
      int cancel = toCallee.indexOf("CANCEL sip:");
      assertTrue(
          ack < 0 || cancel < 0 || cancel < ack,
          "Bulwark cancelled the INVITE after it had acknowledged its 200 (RFC 3261 section 9.1:"
              + " no CANCEL once a final response came)\n"
              + both);
    }
  }

  @Test
  void holdAndResumeAndMidCallRequestsReachTheOtherSide() {
    int phone = callee("3352");
    Sipp.Answering callee = Sipp.phone("call-uas-reinvite.xml", phone);

    Sipp.Run caller =
        Sipp.dial("call-uac-reinvite.xml", "3352", "flow3351", "Fl0wCallerSecret").await();
    Sipp.Run held = callee.await();

    assertEquals(200, caller.finalStatus(), caller.messages());
    assertEquals(200, held.finalStatus(), held.messages());
    String toCallee = held.messages();
    int hold = toCallee.indexOf("a=sendonly");
    assertTrue(hold > 0, "the callee was sent the hold with its a=sendonly\n" + toCallee);
    assertTrue(toCallee.indexOf("a=sendrecv", hold) > 0, "then the resume\n" + toCallee);
    assertTrue(toCallee.contains("UPDATE sip:"), "the UPDATE crossed\n" + toCallee);
    assertTrue(toCallee.contains("Signal=5"), "the INFO crossed with its body\n" + toCallee);
    assertTrue(
        caller.messages().contains("a=recvonly"), "the callee's answer to the hold came back");
    JsonObject record = lastRecord("3352");
    assertEquals("ANSWERED", record.getString("disposition"), record.toString());
    assertEquals("CALLER", record.getString("hangupSide"), record.toString());
    assertEquals(1, calls.recordsOf("3352").size(), "re-INVITEs make no new record");
    assertNoLiveCall("3352");
  }

  @Test
  void bothPhonesRingAndTheOneNotPickedUpIsCancelled() {
    int first = callee("3362");
    assertEquals(
        200,
        api.updateSecurity(
                calleeId, Json.createObjectBuilder().add("concurrentRegistrations", 2).build())
            .statusCode());
    int second = TestEnvironment.freeSipPort();
    assertEquals(
        200, Sipp.registerAt("3362", "flow3362", "Fl0wCalleeSecret", second).finalStatus());
    Sipp.Answering answering = Sipp.answer(first);
    Sipp.Answering ringing = Sipp.phone("call-uas-cancelled.xml", second);

    Sipp.Run caller = Sipp.call("3362", "flow3361", "Fl0wCallerSecret");

    assertEquals(200, caller.finalStatus(), caller.messages());
    assertEquals(200, answering.await().finalStatus(), "one phone took the call");
    Sipp.Run other = ringing.await();
    assertEquals(487, other.finalStatus(), "the other phone was cancelled\n" + other.messages());
    JsonArray all = calls.recordsOf("3362");
    assertEquals(1, all.size(), "one call, one record\n" + all);
    JsonObject record = all.getJsonObject(0);
    assertParties(record, "3361", "3362");
    assertEquals("ANSWERED", record.getString("disposition"), record.toString());
    assertEquals("CALLER", record.getString("hangupSide"), record.toString());
    assertNoLiveCall("3362");
  }

  /**
   * Creates the extension {@code number} (its id in {@link #calleeId}) and the one numbered one
   * less that calls it, and registers a phone of the callee; returns the port where that phone
   * answers.
   */
  private int callee(String number) {
    String caller = Integer.toString(Integer.parseInt(number) - 1);
    api.createValid(caller, "flow" + caller, "Fl0wCallerSecret");
    calleeId = api.createValid(number, "flow" + number, "Fl0wCalleeSecret");
    int phone = TestEnvironment.freeSipPort();
    assertEquals(
        200, Sipp.registerAt(number, "flow" + number, "Fl0wCalleeSecret", phone).finalStatus());
    return phone;
  }

  private JsonObject lastRecord(String number) {
    JsonArray records = calls.recordsOf(number);
    assertTrue(!records.isEmpty(), "no call record for " + number);
    return records.getJsonObject(0);
  }

  private static void assertParties(JsonObject record, String caller, String callee) {
    assertEquals(caller, record.getString("caller"), record.toString());
    assertEquals(callee, record.getString("callee"), record.toString());
    assertEquals(callee, record.getString("dialled"), record.toString());
  }

  private void assertNoLiveCall(String number) {
    for (JsonObject call : calls.live().getValuesAs(JsonObject.class)) {
      assertTrue(
          !number.equals(call.getString("dialled", ""))
              && !number.equals(call.getString("callee", "")),
          "a call to " + number + " is still live: " + call);
    }
  }
}
