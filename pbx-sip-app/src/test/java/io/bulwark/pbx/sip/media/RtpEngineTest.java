package io.bulwark.pbx.sip.media;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.sip.media.RtpEngineException.Kind;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a stand-in for rtpengine that answers what each test wants, or nothing. */
class RtpEngineTest {

  private static final Duration RETRANSMIT = Duration.ofMillis(500);

  private DatagramSocket peer;
  private RtpEngine engine;

  @BeforeEach
  void open() throws IOException {
    peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    peer.setSoTimeout(2000);
    engine = RtpEngine.open((InetSocketAddress) peer.getLocalSocketAddress(), RETRANSMIT, 3);
  }

  @AfterEach
  void close() {
    engine.close();
    peer.close();
  }

  private DatagramPacket receive() throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
    peer.receive(packet);
    return packet;
  }

  private static String cookie(DatagramPacket request) {
    String text = new String(request.getData(), 0, request.getLength(), US_ASCII);
    return text.substring(0, text.indexOf(' '));
  }

  private static Map<?, ?> body(DatagramPacket request) {
    int space = cookie(request).length();
    return (Map<?, ?>)
        Bencode.decode(request.getData(), space + 1, request.getLength() - space - 1);
  }

  private void reply(DatagramPacket request, String cookie, Map<String, Object> answer)
      throws IOException {
    byte[] body = Bencode.encode(answer);
    byte[] datagram = new byte[cookie.length() + 1 + body.length];
    System.arraycopy((cookie + " ").getBytes(US_ASCII), 0, datagram, 0, cookie.length() + 1);
    System.arraycopy(body, 0, datagram, cookie.length() + 1, body.length);
    peer.send(new DatagramPacket(datagram, datagram.length, request.getSocketAddress()));
  }

  private static RtpEngineException failure(CompletionStage<?> stage) {
    ExecutionException failed =
        assertThrows(
            ExecutionException.class, () -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
    return assertInstanceOf(RtpEngineException.class, failed.getCause());
  }

  @Test
  void anOfferCarriesTheCallAndTheAnchoringOptionsAndGivesTheRewrittenSdp() throws Exception {
    CompletionStage<byte[]> offered =
        engine.offer(
            "call-1", "tag-a", null, "v=0\r\n".getBytes(US_ASCII), MediaOptions.anchored());
    DatagramPacket request = receive();

    Map<?, ?> body = body(request);
    assertArrayEquals("offer".getBytes(US_ASCII), (byte[]) body.get("command"));
    assertArrayEquals("call-1".getBytes(US_ASCII), (byte[]) body.get("call-id"));
    assertArrayEquals("tag-a".getBytes(US_ASCII), (byte[]) body.get("from-tag"));
    assertArrayEquals("remove".getBytes(US_ASCII), (byte[]) body.get("ICE"));
    assertEquals(2, ((List<?>) body.get("replace")).size());
    reply(request, cookie(request), Map.of("result", "ok", "sdp", "v=0 rewritten"));

    assertArrayEquals(
        "v=0 rewritten".getBytes(US_ASCII), offered.toCompletableFuture().get(2, TimeUnit.SECONDS));
  }

  @Test
  void receivedFromNamesTheSignallingSource() throws Exception {
    engine.offer(
        "call-1",
        "tag-a",
        null,
        new byte[0],
        MediaOptions.anchored().receivedFrom(InetAddress.getByName("127.0.0.9")));
    Map<?, ?> body = body(receive());
    List<?> receivedFrom = (List<?>) body.get("received-from");
    assertArrayEquals("IP4".getBytes(US_ASCII), (byte[]) receivedFrom.get(0));
    assertArrayEquals("127.0.0.9".getBytes(US_ASCII), (byte[]) receivedFrom.get(1));
  }

  @Test
  void anUnansweredCommandIsSentAgainUnchangedThenTimesOut() throws Exception {
    long start = System.nanoTime();
    CompletionStage<Void> ping = engine.ping();
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      DatagramPacket request = receive();
      sent.add(Arrays.copyOf(request.getData(), request.getLength()));
    }

    assertEquals(Kind.TIMEOUT, failure(ping).kind());
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(elapsedMillis >= 250 && elapsedMillis < 2000, elapsedMillis + " ms");
    assertArrayEquals(sent.get(0), sent.get(1));
    assertArrayEquals(sent.get(0), sent.get(2));
    peer.setSoTimeout(300);
    assertThrows(SocketTimeoutException.class, this::receive, "no fourth send");
  }

  @Test
  void anAnswerToARetransmissionCompletesTheCommand() throws Exception {
    CompletionStage<Void> ping = engine.ping();
    receive();
    DatagramPacket second = receive();
    reply(second, cookie(second), Map.of("result", "pong"));
    ping.toCompletableFuture().get(2, TimeUnit.SECONDS);
  }

  @Test
  void eachCommandHasItsOwnCookieAndAnAnswerGoesToItsOwn() throws Exception {
    CompletionStage<Void> first = engine.delete("call-1", "tag-a");
    CompletionStage<Void> second = engine.delete("call-2", "tag-b");
    DatagramPacket one = receive();
    DatagramPacket two = receive();
    assertNotEquals(cookie(one), cookie(two));
    DatagramPacket forSecond =
        Arrays.equals((byte[]) body(one).get("call-id"), "call-2".getBytes(US_ASCII)) ? one : two;

    reply(
        forSecond, cookie(forSecond), Map.of("result", "error", "error-reason", "Unknown call-id"));

    RtpEngineException refused = failure(second);
    assertEquals(Kind.REFUSED, refused.kind());
    assertEquals("Unknown call-id", refused.reason().orElseThrow());
    assertEquals("rtpengine refused the delete command", refused.getMessage());
    assertTrue(!first.toCompletableFuture().isDone(), "the other command still waits");
  }

  @Test
  void anAnswerWithAnUnknownCookieIsIgnored() throws Exception {
    CompletionStage<Void> ping = engine.ping();
    DatagramPacket request = receive();
    reply(request, "0000000000000000", Map.of("result", "pong"));
    reply(request, cookie(request), Map.of("result", "pong"));
    ping.toCompletableFuture().get(2, TimeUnit.SECONDS);
  }

  @Test
  void aMalformedAnswerFailsTheCommand() throws Exception {
    CompletionStage<byte[]> offered =
        engine.offer("c", "f", null, new byte[0], MediaOptions.anchored());
    DatagramPacket request = receive();
    byte[] garbage = (cookie(request) + " d6:result").getBytes(US_ASCII);
    peer.send(new DatagramPacket(garbage, garbage.length, request.getSocketAddress()));

    assertEquals(Kind.MALFORMED, failure(offered).kind());
  }

  @Test
  void anOkAnswerWithoutSdpIsMalformed() throws Exception {
    CompletionStage<byte[]> offered =
        engine.offer("c", "f", null, new byte[0], MediaOptions.anchored());
    DatagramPacket request = receive();
    reply(request, cookie(request), Map.of("result", "ok"));

    assertEquals(Kind.MALFORMED, failure(offered).kind());
  }

  @Test
  void theRefusalReasonIsKeptPrintableAndShort() throws Exception {
    CompletionStage<Void> ping = engine.ping();
    DatagramPacket request = receive();
    reply(
        request,
        cookie(request),
        Map.of("result", "error", "error-reason", "bad\r\nforged log line" + "x".repeat(500)));

    String reason = failure(ping).reason().orElseThrow();
    assertTrue(reason.startsWith("bad??forged log line"), reason);
    assertEquals(200, reason.length());
  }

  @Test
  void closingFailsWhatIsPendingAndWhatComesAfter() throws Exception {
    CompletionStage<Void> ping = engine.ping();
    receive();
    engine.close();

    assertEquals(Kind.CLOSED, failure(ping).kind());
    assertEquals(Kind.CLOSED, failure(engine.ping()).kind());
  }

  @Test
  void closingStopsTheClientsThreads() throws Exception {
    engine.ping();
    engine.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (clientThreadsAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(!clientThreadsAlive(), "no rtpengine-ng- thread is left");
  }

  private static boolean clientThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().startsWith("rtpengine-ng-") && thread.isAlive());
  }
}
