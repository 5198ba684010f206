package io.bulwark.pbx.sip.media;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a real rtpengine: a call's two sides exchange RTP through the relay that the
 * rewritten SDPs point them at.
 */
class RtpEngineRelayTest {

  private static final Pattern MEDIA_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
  private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 ([0-9.]+)\\r?$");
  private static final int PACKETS = 20;

  private static RtpEngineDaemon daemon;
  private static RtpEngine engine;

  @BeforeAll
  static void startRtpengine() throws Exception {
    daemon = RtpEngineDaemon.start();
    engine = RtpEngine.open(new RtpEngineSettings(daemon.ngAddress()));
  }

  @AfterAll
  static void stopRtpengine() throws Exception {
    if (engine != null) {
      engine.close();
    }
    if (daemon != null) {
      daemon.stop();
    }
  }

  @Test
  void answersAPing() throws Exception {
    engine.ping().toCompletableFuture().get(2, TimeUnit.SECONDS);
  }

  @Test
  void mediaFlowsBothWaysThroughTheRelayUntilTheCallIsDeleted() throws Exception {
    try (DatagramSocket caller = phone("127.0.0.2");
        DatagramSocket callee = phone("127.0.0.3")) {
      String callId = UUID.randomUUID().toString();
      String offer =
          text(
              engine.offer(
                  callId, "caller-tag", null, sdp("127.0.0.2", caller), MediaOptions.anchored()));
      String answer =
          text(
              engine.answer(
                  callId,
                  "caller-tag",
                  "callee-tag",
                  sdp("127.0.0.3", callee),
                  MediaOptions.anchored()));

      assertFalse(offer.contains("127.0.0.2"), "the callee does not learn the caller's address");
      assertFalse(answer.contains("127.0.0.3"), "the caller does not learn the callee's address");
      assertFalse(offer.contains("a=candidate"), offer);
      assertFalse(offer.contains("a=ssrc") || offer.contains("a=tool"), offer);
      assertFalse(answer.contains("a=ssrc") || answer.contains("a=tool"), answer);
      InetSocketAddress relayForCallee = relay(offer);
      InetSocketAddress relayForCaller = relay(answer);
      assertNotEquals(relayForCaller, relayForCallee);

      assertEquals(PACKETS, relayed(caller, relayForCaller, callee, PACKETS));
      assertEquals(PACKETS, relayed(callee, relayForCallee, caller, PACKETS));
      MediaTotals totals = engine.query(callId).toCompletableFuture().get(2, TimeUnit.SECONDS);
      assertTrue(totals.rtpPackets() >= 2 * PACKETS, totals.toString());

      engine.delete(callId, "caller-tag").toCompletableFuture().get(2, TimeUnit.SECONDS);
      assertEquals(
          0, relayed(caller, relayForCaller, callee, 5), "nothing is relayed after delete");
    }
  }

  @Test
  void receivedFromSendsToTheSignallingSourceInsteadOfThePrivateAddressInTheSdp() throws Exception {
    try (DatagramSocket caller = phone("127.0.0.4");
        DatagramSocket callee = phone("127.0.0.5")) {
      String callId = UUID.randomUUID().toString();
      // The caller writes an address where nothing listens, as a phone behind NAT writes its own.
      byte[] natted = sdp("127.0.0.6", caller);
      MediaOptions fromCaller =
          MediaOptions.anchored().receivedFrom(InetAddress.getByName("127.0.0.4"));
      InetSocketAddress relayForCallee =
          relay(text(engine.offer(callId, "caller-tag", null, natted, fromCaller)));
      text(
          engine.answer(
              callId,
              "caller-tag",
              "callee-tag",
              sdp("127.0.0.5", callee),
              MediaOptions.anchored()));

      assertEquals(PACKETS, relayed(callee, relayForCallee, caller, PACKETS));
      engine.delete(callId, "caller-tag").toCompletableFuture().get(2, TimeUnit.SECONDS);
    }
  }

  @Test
  void anAnswerForAnUnknownCallIsRefusedWithRtpenginesReason() throws Exception {
    CompletionStage<byte[]> answered =
        engine.answer(
            UUID.randomUUID().toString(),
            "caller-tag",
            "callee-tag",
            sdp("127.0.0.3", 40_000),
            MediaOptions.anchored());

    RtpEngineException refused = failure(answered);
    assertEquals(Kind.REFUSED, refused.kind());
    assertTrue(refused.reason().isPresent());
    assertEquals("rtpengine refused the answer command", refused.getMessage());
  }

  @Test
  void aDeadNgPortTimesOutInBoundedTime() throws Exception {
    int deadPort;
    try (DatagramSocket probe = phone("127.0.0.1")) {
      deadPort = probe.getLocalPort();
    }
    long start = System.nanoTime();
    try (RtpEngine unheard =
        RtpEngine.open(
            new RtpEngineSettings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), deadPort)))) {
      assertEquals(Kind.TIMEOUT, failure(unheard.ping()).kind());
    }
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(elapsed >= 1000 && elapsed < 5000, elapsed + " ms");
  }

  private static DatagramSocket phone(String address) throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
    socket.setSoTimeout(500);
    return socket;
  }

  private static byte[] sdp(String address, DatagramSocket phone) {
    return sdp(address, phone.getLocalPort());
  }

  private static byte[] sdp(String address, int port) {
    return ("v=0\r\n"
            + "o=- 1 1 IN IP4 "
            + address
            + "\r\n"
            + "s=-\r\n"
            + "c=IN IP4 "
            + address
            + "\r\n"
            + "t=0 0\r\n"
            + "m=audio "
            + port
            + " RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            // What phones write about themselves, which the relay must not pass on.
            + "a=ssrc:4711 cname:phone@"
            + address
            + "\r\n"
            + "a=tool:AcmePhone 4.2\r\n"
            + "a=sendrecv\r\n")
        .getBytes(US_ASCII);
  }

  private static String text(CompletionStage<byte[]> sdp) throws Exception {
    return new String(sdp.toCompletableFuture().get(2, TimeUnit.SECONDS), US_ASCII);
  }

  private static InetSocketAddress relay(String sdp) {
    Matcher port = MEDIA_PORT.matcher(sdp);
    Matcher address = CONNECTION.matcher(sdp);
    assertTrue(port.find() && address.find(), sdp);
    return new InetSocketAddress(address.group(1), Integer.parseInt(port.group(1)));
  }

  /** Sends {@code count} RTP packets to the relay and counts those that reach {@code to}. */
  private static int relayed(
      DatagramSocket from, InetSocketAddress relay, DatagramSocket to, int count)
      throws IOException {
    int ssrc = from.getLocalPort();
    for (int sequence = 0; sequence < count; sequence++) {
      byte[] packet = rtp(ssrc, sequence);
      from.send(new DatagramPacket(packet, packet.length, relay));
    }
    int received = 0;
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    try {
      while (received < count) {
        to.receive(packet);
        if (ByteBuffer.wrap(packet.getData(), 8, 4).getInt() == ssrc) {
          received++;
        }
      }
    } catch (SocketTimeoutException e) {
      // Whatever did not come within the socket's timeout was not relayed.
    }
    return received;
  }

  /** An RTP packet of 20 ms of PCMU silence. */
  private static byte[] rtp(int ssrc, int sequence) {
    ByteBuffer packet = ByteBuffer.allocate(12 + 160);
    packet.put((byte) 0x80).put((byte) 0).putShort((short) sequence);
    packet.putInt(sequence * 160).putInt(ssrc);
    while (packet.hasRemaining()) {
      packet.put((byte) 0xff);
    }
    return packet.array();
  }

  private static RtpEngineException failure(CompletionStage<?> stage) {
    ExecutionException failed =
        assertThrows(
            ExecutionException.class, () -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
    return assertInstanceOf(RtpEngineException.class, failed.getCause());
  }
}
