package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The container on loopback: dispatch by method, 405 for the rest, and a clean stop. */
class SipContainerTest {

  @Test
  void dispatchesByMethodAndAnswers405ForOthers() throws Exception {
    int port = freePort();
    try (SipContainer container =
            SipContainer.builder(config(port)).handle("OPTIONS", r -> r.respond(200)).start();
        DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      phone.setSoTimeout(5000);

      assertTrue(exchange(phone, port, "OPTIONS").startsWith("SIP/2.0 200"));
      String refused = exchange(phone, port, "INFO");
      assertTrue(refused.startsWith("SIP/2.0 405"), refused);
      assertTrue(refused.contains("Allow: OPTIONS"), refused);
    }
  }

  @Test
  void blockingHandlersRunOnTheirExecutor503WhenItIsFull500WhenTheyFail() throws Exception {
    int port = freePort();
    java.util.concurrent.ExecutorService worker =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    java.util.concurrent.Executor full =
        task -> {
          throw new java.util.concurrent.RejectedExecutionException("full");
        };
    java.util.concurrent.atomic.AtomicReference<String> ranOn =
        new java.util.concurrent.atomic.AtomicReference<>();
    try (SipContainer container =
            SipContainer.builder(config(port))
                .handleBlocking(
                    "OPTIONS",
                    r -> {
                      ranOn.set(Thread.currentThread().getName());
                      r.respond(200);
                    },
                    worker)
                .handleBlocking("INFO", r -> r.respond(200), full)
                .handleBlocking(
                    "MESSAGE",
                    r -> {
                      throw new IllegalStateException("database down");
                    },
                    worker)
                .start();
        DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      phone.setSoTimeout(5000);

      assertTrue(exchange(phone, port, "OPTIONS").startsWith("SIP/2.0 200"));
      assertEquals("worker", ranOn.get());
      String refused = exchange(phone, port, "INFO");
      assertTrue(refused.startsWith("SIP/2.0 503"), refused);
      assertTrue(refused.contains("Retry-After: 5"), refused);
      String failed = exchange(phone, port, "MESSAGE");
      assertTrue(failed.startsWith("SIP/2.0 500"), failed);
    } finally {
      worker.shutdownNow();
    }
  }

  @Test
  void closeFreesThePortsAndEndsTheStackThreads() throws Exception {
    int port = freePort();
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    SipContainer container = SipContainer.builder(config(port)).start();
    assertThrows(BindException.class, () -> bindUdp(port));

    container.close();

    bindUdp(port);
    try (ServerSocket tcp = new ServerSocket()) {
      tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
    assertEquals(List.of(), threadsStartedSince(before));
  }

  private static List<String> threadsStartedSince(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> left;
    do {
      Thread.sleep(100);
      left =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !before.contains(t) && t.isAlive())
              .map(Thread::getName)
              .collect(Collectors.toList());
    } while (!left.isEmpty() && System.nanoTime() < deadline);
    return left;
  }

  private static SipContainerConfig config(int port) {
    return new SipContainerConfig("127.0.0.1", port, Set.of("udp", "tcp"), "test");
  }

  private static String exchange(DatagramSocket phone, int port, String method) throws Exception {
    String branch = "z9hG4bK" + System.nanoTime();
    String request =
        method
            + " sip:127.0.0.1:"
            + port
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:"
            + phone.getLocalPort()
            + ";branch="
            + branch
            + "\r\n"
            + "From: <sip:test@127.0.0.1>;tag=1\r\n"
            + "To: <sip:127.0.0.1>\r\n"
            + "Call-ID: "
            + branch
            + "@127.0.0.1\r\n"
            + "CSeq: 1 "
            + method
            + "\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Length: 0\r\n\r\n";
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    phone.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
    phone.receive(answer);
    return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
  }

  private static void bindUdp(int port) throws Exception {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
      socket.getLocalPort();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
