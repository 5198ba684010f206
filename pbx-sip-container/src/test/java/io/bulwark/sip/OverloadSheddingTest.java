package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real stack flooded far above what a slow handler can answer: the queue stays within its
 * bound, new work is refused with 503 and Retry-After or dropped rather than answered late, and the
 * container answers normally again once the flood stops.
 */
class OverloadSheddingTest {

  private static final int FLOOD = 20_000;

  @Test
  void floodAboveCapacityIsShedAndServiceResumes() throws Exception {
    int port = freePort();
    try (SipContainer container =
            SipContainer.builder(
                    new SipContainerConfig("127.0.0.1", port, Set.of("udp"), "overload"))
                .handleStateless("OPTIONS", OverloadSheddingTest::slowly)
                .start();
        SipLoad flood = new SipLoad("127.0.0.2", port, FLOOD)) {

      long started = System.nanoTime();
      flood.send(FLOOD, 20_000);
      long sendMillis = (System.nanoTime() - started) / 1_000_000;
      flood.awaitAnswers(1_500);

      UdpIngressStats stats = container.udpIngress();
      System.out.printf(
          "Flood: %d sent in %d ms, %d answered, max latency %d ms; %s%n",
          flood.sent(), sendMillis, flood.answered(), flood.maxLatencyMillis(), stats);
      assertTrue(sendMillis < 10_000, "the flood took " + sendMillis + " ms");
      assertTrue(stats.highWater() <= stats.capacity(), stats::toString);
      assertTrue(stats.refused() > 0, stats::toString);
      assertEquals(stats.refused(), flood.refusals(), "every refusal is a 503 with Retry-After");
      assertTrue(flood.answered() > 0, "nothing answered");
      assertTrue(flood.answered() < FLOOD, "everything answered: no overload");
      assertEquals(0, flood.otherAnswers());
      // Waiting in the queue is capped at 200 ms for new work; the rest is the kernel's buffers and
      // the
      // handler's own 5 ms, far below the seconds that an unbounded queue would add.
      assertTrue(flood.maxLatencyMillis() < 1_500, "answered late: " + flood.maxLatencyMillis());

      try (SipLoad phone = new SipLoad("127.0.0.1", port, 20)) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (phone.answered() == 0 && System.nanoTime() < deadline && phone.sent() < 20) {
          phone.send(1, 1);
          phone.awaitAnswers(500); // T1: a phone would retransmit now
        }
        assertTrue(phone.answered() > 0, "no answer within 10 s after the flood");
      }
    }
  }

  private static void slowly(SipRequest request) {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    request.respond(200);
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
