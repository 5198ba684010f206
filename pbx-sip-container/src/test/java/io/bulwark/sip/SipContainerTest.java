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
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The container on loopback: dispatch by method, 405 for the rest, and a clean stop. */
@SuppressWarnings("try") // The containers only have to listen while the test talks to them.
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
  void statelessAnswersFollowViaReceivedAndRportKeepNoTransactionAndTheSameToTag()
      throws Exception {
    int port = freePort();
    try (SipContainer container =
            SipContainer.builder(config(port))
                .handleStateless("OPTIONS", r -> r.respond(200))
                .start();
        DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      phone.setSoTimeout(1500);
      int phonePort = phone.getLocalPort();

      // rport (RFC 3581): back to the packet's source port, whatever the Via says.
      String viaPortIgnored = exchange(phone, port, "OPTIONS", "127.0.0.1:9;rport", "z9hG4bKa");
      assertTrue(viaPortIgnored.startsWith("SIP/2.0 200"), viaPortIgnored);
      assertTrue(viaPortIgnored.contains("rport=" + phonePort), viaPortIgnored);
      // No rport (RFC 3261 18.2.2): to the received address and the Via's port.
      String viaHostIgnored =
          exchange(phone, port, "OPTIONS", "127.0.0.9:" + phonePort, "z9hG4bKb");
      assertTrue(viaHostIgnored.contains("received=127.0.0.1"), viaHostIgnored);

      String again = exchange(phone, port, "OPTIONS", "127.0.0.9:" + phonePort, "z9hG4bKb");
      assertEquals(toTag(viaHostIgnored), toTag(again), "RFC 3261 8.2.7: same request, same tag");
      assertTrue(!toTag(viaPortIgnored).equals(toTag(again)), "different requests, different tags");
      assertEquals(0, container.serverTransactions());
    }
  }

  @Test
  void continueOnRunsOnTheExecutor503WhenItIsFull500WhenTheWorkFails() throws Exception {
    int port = freePort();
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    Executor full =
        task -> {
          throw new RejectedExecutionException("full");
        };
    AtomicReference<String> ranOn = new AtomicReference<>();
    try (SipContainer container =
            SipContainer.builder(config(port))
                .handleStateless(
                    "OPTIONS",
                    r ->
                        r.continueOn(
                            worker,
                            () -> {
                              ranOn.set(Thread.currentThread().getName());
                              r.respond(200);
                            }))
                .handleStateless("INFO", r -> r.continueOn(full, () -> r.respond(200)))
                .handle(
                    "MESSAGE",
                    r ->
                        r.continueOn(
                            worker,
                            () -> {
                              throw new IllegalStateException("database down");
                            }))
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

  private static String toTag(String response) {
    Matcher tag = Pattern.compile("(?m)^To: .*;tag=(\\S+)").matcher(response);
    assertTrue(tag.find(), response);
    return tag.group(1);
  }

  private static String exchange(DatagramSocket phone, int port, String method) throws Exception {
    return exchange(
        phone, port, method, "127.0.0.1:" + phone.getLocalPort(), "z9hG4bK" + System.nanoTime());
  }

  private static String exchange(
      DatagramSocket phone, int port, String method, String via, String branch) throws Exception {
    String request =
        method
            + " sip:127.0.0.1:"
            + port
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP "
            + via
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
    DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
    // As a phone over UDP does (Timer E): a datagram may be lost, so it is sent again, a few times.
    for (int send = 1; ; send++) {
      phone.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
      try {
        phone.receive(answer);
        return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
      } catch (java.net.SocketTimeoutException e) {
        if (send == 4) {
          throw e;
        }
      }
    }
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
