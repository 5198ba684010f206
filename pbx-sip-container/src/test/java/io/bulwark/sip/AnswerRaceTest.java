package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A B2BUA relays its callee's 200 to the caller from whatever thread completes the answer (a media
 * relay's future), and a phone on loopback sends its ACK and BYE within microseconds of that 200:
 * they reach the container while the thread that sent the 200 may still be inside the stack's
 * sendResponse. Each of these calls must end as if it had been answered from a stack thread: the
 * 200 sent once (the ACK stops its retransmission, RFC 3261 section 13.3.1.4) and the BYE answered
 * 200, never 481.
 */
class AnswerRaceTest {

  private static final int PHONES = 6;
  private static final int CALLS_PER_PHONE = 50;
  private static final String SDP =
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
          + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
  private static final Pattern TO_TAG = Pattern.compile("(?m)^To: [^\\r\\n]*;tag=([^;\\s]+)");
  private static final Pattern CALL_ID = Pattern.compile("(?m)^Call-ID: ([^\\r\\n]+)");
  private static final Pattern CSEQ = Pattern.compile("(?m)^CSeq: (\\d+ [A-Z]+)");

  /**
   * Both ways failed before {@link AnswersInFlight} (about 10 % of the calls got their 200 again
   * 500 ms later, ACK and BYE notwithstanding): the gap is in the stack's sendResponse, not in the
   * thread that calls it.
   */
  @ParameterizedTest(name = "answered from another thread: {0}")
  @ValueSource(booleans = {true, false})
  @SuppressWarnings("try") // The answering container only has to listen.
  void eachCallIsAnsweredOnceAndItsByeGets200(boolean fromAnotherThread) throws Exception {
    ExecutorService answering = Executors.newFixedThreadPool(2);
    ExecutorService phones = Executors.newFixedThreadPool(PHONES);
    AtomicInteger answered = new AtomicInteger();
    int port = freePort();
    try (SipContainer uas =
        SipContainer.builder(config(port))
            .handle(
                "INVITE",
                r -> {
                  r.dialog().listen(request -> request.respond(200));
                  if (answered.incrementAndGet() % 2 == 0) {
                    r.respond(180); // half the calls ring first, as a relayed 180 would
                  }
                  if (fromAnotherThread) {
                    answering.execute(() -> r.respond(200, ok -> withSdp(r, ok)));
                  } else {
                    r.respond(200, ok -> withSdp(r, ok));
                  }
                })
            .start()) {
      List<Future<Map<String, List<String>>>> running = new ArrayList<>();
      for (int p = 0; p < PHONES; p++) {
        int phone = p;
        running.add(phones.submit(() -> callRepeatedly(port, phone)));
      }
      Map<String, List<String>> seen = new TreeMap<>();
      for (Future<Map<String, List<String>>> phone : running) {
        seen.putAll(phone.get(120, TimeUnit.SECONDS));
      }

      assertEquals(PHONES * CALLS_PER_PHONE, seen.size());
      List<String> wrong = new ArrayList<>();
      for (Map.Entry<String, List<String>> call : seen.entrySet()) {
        List<String> answers = call.getValue();
        long oks = answers.stream().filter("200 1 INVITE"::equals).count();
        boolean byeOk = answers.contains("200 2 BYE");
        if (oks != 1 || !byeOk) {
          wrong.add(call.getKey() + " " + answers);
        }
      }
      assertTrue(wrong.isEmpty(), wrong.size() + " calls went wrong: " + wrong);
    } finally {
      phones.shutdownNow();
      answering.shutdownNow();
    }
  }

  /**
   * One phone's calls, one after the other: INVITE, then ACK and BYE the moment the 200 comes. What
   * comes back for each call ("status cseq method"), including 200s that come again up to a second
   * after the last call, when the first retransmission (after T1, 500 ms) is long due.
   */
  private static Map<String, List<String>> callRepeatedly(int port, int phone) throws Exception {
    Map<String, List<String>> seen = new ConcurrentHashMap<>();
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (int i = 0, refused = 0; i < CALLS_PER_PHONE; i++) {
        String callId = "race-" + phone + "-" + i + "-" + System.nanoTime();
        seen.put(callId, new ArrayList<>());
        send(socket, port, invite(socket, port, callId));
        String ok = awaitAnswer(socket, seen, callId, "1 INVITE", 5_000);
        if (ok != null && !ok.startsWith("SIP/2.0 200 ") && refused++ < CALLS_PER_PHONE) {
          // Refused (a 503 while the JVM is still cold): not a call, so another one instead.
          seen.remove(callId);
          i--;
          Thread.sleep(20);
          continue;
        }
        if (ok == null) {
          continue;
        }
        Matcher tag = TO_TAG.matcher(ok);
        assertTrue(tag.find(), ok);
        send(socket, port, inDialog(socket, port, callId, tag.group(1), 1, "ACK"));
        send(socket, port, inDialog(socket, port, callId, tag.group(1), 2, "BYE"));
        awaitAnswer(socket, seen, callId, "2 BYE", 5_000);
      }
      awaitAnswer(socket, seen, "none", "none", 1_200);
    }
    return seen;
  }

  /** Records whatever arrives until the final answer to {@code cseq} of {@code callId}. */
  private static String awaitAnswer(
      DatagramSocket socket, Map<String, List<String>> seen, String callId, String cseq, int millis)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    byte[] buffer = new byte[8192];
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return null;
      }
      socket.setSoTimeout((int) left);
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return null;
      }
      String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      Matcher id = CALL_ID.matcher(text);
      Matcher method = CSEQ.matcher(text);
      if (!text.startsWith("SIP/2.0 ") || !id.find() || !method.find()) {
        continue;
      }
      int status = Integer.parseInt(text.substring(8, 11));
      List<String> answers = seen.get(id.group(1).trim());
      if (answers != null && status > 100) {
        answers.add(status + " " + method.group(1));
      }
      if (id.group(1).trim().equals(callId) && method.group(1).equals(cseq) && status >= 200) {
        return text;
      }
    }
  }

  private static String invite(DatagramSocket socket, int port, String callId) {
    return "INVITE sip:bob@127.0.0.1:"
        + port
        + " SIP/2.0\r\n"
        + via(socket, callId + "-i")
        + "Max-Forwards: 70\r\n"
        + "From: <sip:alice@127.0.0.1>;tag=a-"
        + callId
        + "\r\n"
        + "To: <sip:bob@127.0.0.1>\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Contact: <sip:alice@127.0.0.1:"
        + socket.getLocalPort()
        + ">\r\n"
        + "Content-Type: application/sdp\r\n"
        + "Content-Length: "
        + SDP.length()
        + "\r\n\r\n"
        + SDP;
  }

  private static String inDialog(
      DatagramSocket socket, int port, String callId, String toTag, int cseq, String method) {
    return method
        + " sip:bob@127.0.0.1:"
        + port
        + " SIP/2.0\r\n"
        + via(socket, callId + "-" + method)
        + "Max-Forwards: 70\r\n"
        + "From: <sip:alice@127.0.0.1>;tag=a-"
        + callId
        + "\r\n"
        + "To: <sip:bob@127.0.0.1>;tag="
        + toTag
        + "\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: "
        + cseq
        + " "
        + method
        + "\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  private static String via(DatagramSocket socket, String branch) {
    return "Via: SIP/2.0/UDP 127.0.0.1:"
        + socket.getLocalPort()
        + ";rport;branch=z9hG4bK"
        + branch
        + "\r\n";
  }

  private static void send(DatagramSocket socket, int port, String message) throws Exception {
    byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
    socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
  }

  private static void withSdp(SipRequest request, javax.sip.message.Response response) {
    try {
      response.setContent(
          SDP, request.headerFactory().createContentTypeHeader("application", "sdp"));
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SipContainerConfig config(int port) {
    return new SipContainerConfig("127.0.0.1", port, Set.of("udp"), "answer-race-test");
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
