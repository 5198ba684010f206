package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two real SIP phones (Debian's baresip) registered to two extensions call each other through
 * Bulwark, and talk: each plays its own tone, the media goes through the suite's rtpengine, and
 * each hears the other's tone. What each phone says (call established, its RTP statistics, the SDP
 * it was sent, where its RTP came from, what it heard) and what rtpengine counted for each side are
 * checked, then the call's record.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BaresipCallIT {

  private static final int CALLER_TONE = 440;
  private static final int CALLEE_TONE = 1000;

  /** How long the phones talk: more than baresip's first RTCP report, sent after 5 s. */
  private static final Duration TALK = Duration.ofSeconds(6);

  private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
  private static final Pattern SUMMARY =
      Pattern.compile("EX=BareSip;.*?;PR=(\\d+);PS=(\\d+);.*?;IP=([^,]+),([^;]+);");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final ExtensionsApi api = new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));
  private final CallsApi calls = new CallsApi(KeycloakAdmin.tokenWithRole("administrator"));
  private final List<Baresip> phones = new ArrayList<>();

  @AfterEach
  void stopPhones() {
    phones.forEach(Baresip::close);
  }

  @Test
  void twoBaresipPhonesTalkBothWaysThroughRtpengine() throws Exception {
    api.createValid("4011", "bare4011", "BareCallerSecret9");
    api.createValid("4012", "bare4012", "BareCalleeSecret9");
    // The phones' RTP ports lie below the relay's, so a port tells who owns it.
    int phonesRtp = RtpEngineControl.portMin() - 1000;
    Baresip callee =
        phone(
            "callee",
            "127.0.0.2",
            "4012",
            "bare4012",
            "BareCalleeSecret9",
            phonesRtp + 100,
            CALLEE_TONE);
    Baresip caller =
        phone(
            "caller", "127.0.0.1", "4011", "bare4011", "BareCallerSecret9", phonesRtp, CALLER_TONE);
    callee.awaitOutput("200 OK () [1 binding]", Duration.ofSeconds(15));
    caller.awaitOutput("200 OK () [1 binding]", Duration.ofSeconds(15));

    caller.command("dial", "sip:4012@127.0.0.1:" + TestEnvironment.sipPort());
    caller.awaitOutput("Call established", Duration.ofSeconds(15));
    callee.awaitOutput("Call established", Duration.ofSeconds(15));
    Thread.sleep(TALK.toMillis());
    String callId = caller.sent().get(invite(caller.sent())).header("Call-ID");
    assertNotNull(callId, caller.output());
    List<RtpEngineControl.Stream> relayed = RtpEngineControl.rtpStreams(callId);
    caller.command("hangup", "");
    long hungUpAt = System.nanoTime();
    caller.awaitOutput("EX=BareSip", Duration.ofSeconds(10));
    callee.awaitOutput("EX=BareSip", Duration.ofSeconds(10));

    // The SDP each phone was sent names rtpengine, not the other phone.
    int callerRtp = audioPort(caller.sent().get(invite(caller.sent())).body());
    Baresip.SipMessage offered = callee.received().get(invite(callee.received()));
    int calleeRtp = audioPort(answerSentBy(callee).body());
    String answerToCaller = answerReceivedBy(caller).body();
    int relayForCaller = audioPort(answerToCaller);
    int relayForCallee = audioPort(offered.body());
    assertTrue(answerToCaller.contains("c=IN IP4 127.0.0.1\r\n"), answerToCaller);
    assertFalse(answerToCaller.contains("127.0.0.2"), "the caller learns nothing of the callee");
    assertTrue(offered.body().contains("c=IN IP4 127.0.0.1\r\n"), offered.body());
    assertRelayPort(relayForCaller, answerToCaller);
    assertRelayPort(relayForCallee, offered.body());

    // Each phone got its RTP from the relay port it was given, and counted packets both ways.
    assertTrue(
        caller.output().contains("receiving from 127.0.0.1:" + relayForCaller), caller.output());
    assertTrue(
        callee.output().contains("receiving from 127.0.0.1:" + relayForCallee), callee.output());
    long[] callerCounts = summary(caller, "127.0.0.1:" + relayForCaller);
    long[] calleeCounts = summary(callee, "127.0.0.1:" + relayForCallee);

    // rtpengine received RTP from each phone's port, on the relay port that phone's SDP named
    // (baresip binds RTP to every address, so the callee's packets come from 127.0.0.1 too).
    RtpEngineControl.Stream fromCaller = stream(relayed, callerRtp);
    RtpEngineControl.Stream fromCallee = stream(relayed, calleeRtp);
    assertEquals(relayForCaller, fromCaller.relayPort(), relayed.toString());
    assertEquals(relayForCallee, fromCallee.relayPort(), relayed.toString());
    assertTrue(fromCaller.packets() >= 200, "6 s of 20 ms packets from the caller: " + relayed);
    assertTrue(fromCallee.packets() >= 200, "6 s of 20 ms packets from the callee: " + relayed);

    // Each heard the other's tone: the audio crossed both ways.
    double callerHeard = Tone.secondsOf(caller.heard(), CALLEE_TONE, CALLER_TONE);
    double calleeHeard = Tone.secondsOf(callee.heard(), CALLER_TONE, CALLEE_TONE);
    assertTrue(callerHeard >= 4, "the caller heard the callee's tone for " + callerHeard + " s");
    assertTrue(calleeHeard >= 4, "the callee heard the caller's tone for " + calleeHeard + " s");

    System.out.printf(
        "BaresipCallIT: rtpengine relayed %d RTP packets from the caller (%s to port %d) and %d"
            + " from the callee (%s to port %d); the caller's RTCP summary received %d sent %d, the"
            + " callee's received %d sent %d; the caller heard %.2f s of the callee's %d Hz, the"
            + " callee %.2f s of the caller's %d Hz%n",
        fromCaller.packets(),
        fromCaller.endpoint(),
        fromCaller.relayPort(),
        fromCallee.packets(),
        fromCallee.endpoint(),
        fromCallee.relayPort(),
        callerCounts[0],
        callerCounts[1],
        calleeCounts[0],
        calleeCounts[1],
        callerHeard,
        CALLEE_TONE,
        calleeHeard,
        CALLER_TONE);

    JsonObject record = endedRecordOf("4012");
    assertEquals("4011", record.getString("caller"), record.toString());
    assertEquals("4012", record.getString("callee"), record.toString());
    assertEquals("ANSWERED", record.getString("disposition"), record.toString());
    assertEquals("CALLER", record.getString("hangupSide"), record.toString());
    assertTrue(record.getInt("billableSeconds") >= TALK.toSeconds(), record.toString());
    assertTrue(awaitNoLiveCall(), "no call is left live: " + calls.live());
    // The launcher runs rtpengine without a delete delay: Bulwark's delete at the hang-up frees the
    // call at once. Without the delete it would stay until rtpengine's 60 s media timeout.
    double freedAfter = awaitFreed(callId, hungUpAt);
    System.out.printf(
        "BaresipCallIT: rtpengine dropped the call %.1f s after the hang-up%n", freedAfter);
    assertTrue(
        freedAfter >= 0,
        "rtpengine still has the call 10 s after the hang-up: " + RtpEngineControl.calls());
  }

  private Baresip phone(
      String name,
      String address,
      String number,
      String authName,
      String password,
      int rtpPortMin,
      int toneHz)
      throws java.io.IOException {
    Baresip phone = Baresip.start(name, address, number, authName, password, rtpPortMin, toneHz);
    phones.add(phone);
    return phone;
  }

  /** The index of the (first) INVITE among {@code messages}. */
  private static int invite(List<Baresip.SipMessage> messages) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).startLine().startsWith("INVITE ")
          && AUDIO_PORT.matcher(messages.get(i).body()).find()) {
        return i;
      }
    }
    throw new AssertionError("no INVITE with an offer among " + messages);
  }

  /** The 200 with an answer that the callee sent to the INVITE. */
  private static Baresip.SipMessage answerSentBy(Baresip callee) {
    return okWithSdp(callee.sent(), callee);
  }

  /** The 200 with an answer that the caller got for its INVITE. */
  private static Baresip.SipMessage answerReceivedBy(Baresip caller) {
    return okWithSdp(caller.received(), caller);
  }

  private static Baresip.SipMessage okWithSdp(List<Baresip.SipMessage> messages, Baresip phone) {
    return messages.stream()
        .filter(message -> message.startLine().startsWith("SIP/2.0 200 "))
        .filter(message -> String.valueOf(message.header("CSeq")).endsWith("INVITE"))
        .filter(message -> AUDIO_PORT.matcher(message.body()).find())
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no 200 with SDP for " + phone + ":\n" + phone.output()));
  }

  private static int audioPort(String sdp) {
    Matcher m = AUDIO_PORT.matcher(sdp);
    assertTrue(m.find(), sdp);
    return Integer.parseInt(m.group(1));
  }

  private static void assertRelayPort(int port, String sdp) {
    assertTrue(
        port >= RtpEngineControl.portMin() && port <= RtpEngineControl.portMax(),
        "the SDP names a port of rtpengine's ("
            + RtpEngineControl.portMin()
            + "-"
            + RtpEngineControl.portMax()
            + "): "
            + sdp);
  }

  /**
   * The phone's RTCP summary at hang-up: packets received and sent (both at least 100, from the
   * first report after 5 s), and the peer it names must be the relay.
   */
  private static long[] summary(Baresip phone, String relay) {
    Matcher m = SUMMARY.matcher(phone.output());
    assertTrue(m.find(), "no RTCP summary from " + phone + ":\n" + phone.output());
    long received = Long.parseLong(m.group(1));
    long sent = Long.parseLong(m.group(2));
    assertEquals(relay, m.group(4), "the peer of " + phone + " is the relay: " + m.group());
    assertTrue(received >= 100, phone + " received " + received + " RTP packets: " + m.group());
    assertTrue(sent >= 100, phone + " sent " + sent + " RTP packets: " + m.group());
    return new long[] {received, sent};
  }

  private static RtpEngineControl.Stream stream(List<RtpEngineControl.Stream> streams, int from) {
    return streams.stream()
        .filter(stream -> stream.endpoint().matches("127\\.0\\.0\\.[12]:" + from))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("rtpengine has no RTP from port " + from + ": " + streams));
  }

  /**
   * The newest call record of {@code number} once it has ended (it is written as BYE is answered).
   */
  private JsonObject endedRecordOf(String number) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonArray records = calls.recordsOf(number);
    while (System.nanoTime() < deadline) {
      records = calls.recordsOf(number);
      if (!records.isEmpty()
          && records.getJsonObject(0).containsKey("endedAt")
          && !records.getJsonObject(0).isNull("endedAt")) {
        return records.getJsonObject(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no ended call record of " + number + ": " + records);
  }

  private boolean awaitNoLiveCall() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!calls.live().isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
    return true;
  }

  /** Seconds from {@code since} until rtpengine no longer lists the call, -1 after 10 s. */
  private static double awaitFreed(String callId, long since) throws InterruptedException {
    long deadline = since + 10_000_000_000L;
    while (RtpEngineControl.calls().contains(callId)) {
      if (System.nanoTime() > deadline) {
        return -1;
      }
      Thread.sleep(500);
    }
    return (System.nanoTime() - since) / 1e9;
  }
}
