package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.sip.tcp.TcpLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TCP limits on loopback: 127.0.0.2 plays the attacker, 127.0.0.3 the phone that must still be
 * served. Timeouts are shortened so that the test runs in seconds.
 */
class TcpGuardTest {

  private static final int PER_SOURCE = 32;

  /** Long enough that a loaded machine opens the thousand connections before the first idle out. */
  private static final Duration IDLE = Duration.ofSeconds(5);

  private static final Duration MESSAGE = Duration.ofSeconds(1);

  private SipContainer container;
  private int port;
  private final List<Socket> opened = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, WireProbe.loopback(1))) {
      port = probe.getLocalPort();
    }
    container =
        SipContainer.builder(new SipContainerConfig("127.0.0.1", port, Set.of("tcp"), "tcpguard"))
            .handleStateless("OPTIONS", r -> r.respond(200))
            .tcpLimits(new TcpLimits(PER_SOURCE, IDLE, MESSAGE))
            .start();
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket s : opened) {
      s.close();
    }
    container.close();
  }

  @Test
  void aThousandIdleAndSomeDribblingConnectionsFromOneSourceDoNotStopAnother() throws Exception {
    List<Socket> dribblers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Socket s = open(2);
      s.getOutputStream()
          .write("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nVia: ".getBytes(StandardCharsets.US_ASCII));
      dribblers.add(s);
    }
    List<Socket> idle = new ArrayList<>();
    for (int i = 0; i < 996; i++) {
      try {
        idle.add(open(2));
      } catch (IOException resetWhileConnecting) {
        // refused so fast that the connect saw the reset: one of the excess connections
      }
    }

    long started = System.nanoTime();
    assertOptionsAnswered(3);
    assertTrue(System.nanoTime() - started < 1_000_000_000L, "answer took over a second");

    List<Socket> alive = new ArrayList<>();
    for (Socket s : idle) {
      if (!closedWithin(s, 20)) {
        alive.add(s);
      }
    }
    // Dribblers already closed by their message deadline give their places to later connections.
    assertTrue(
        alive.size() >= PER_SOURCE - dribblers.size() && alive.size() <= PER_SOURCE,
        alive.size() + " connections kept from 127.0.0.2");

    // A byte every 300 ms keeps no message within its deadline.
    long dribbleEnd = System.nanoTime() + 2 * MESSAGE.toNanos();
    while (System.nanoTime() < dribbleEnd) {
      for (Socket s : dribblers) {
        try {
          s.getOutputStream().write('S');
        } catch (IOException closedAlready) {
          // the server has closed it: what this test waits for
        }
      }
      Thread.sleep(300);
    }
    for (Socket s : dribblers) {
      assertTrue(closedWithin(s, 1_000), "a dribbling connection is still open");
    }
    for (Socket s : alive) {
      assertTrue(closedWithin(s, (int) IDLE.toMillis() + 2_000), "an idle connection is open");
    }
    assertOptionsAnswered(2); // the places of closed connections are given back
  }

  @Test
  void oversizedMessagesEndTheConnectionWithoutAnAnswer() throws Exception {
    Socket big = open(5);
    big.getOutputStream()
        .write(
            ("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nContent-Length: "
                    + (WireLimits.MAX_MESSAGE_BYTES + 1)
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    assertTrue(closedWithin(big, 2_000), "a body over the limit was awaited");

    Socket many = open(5);
    StringBuilder headers = new StringBuilder("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\n");
    for (int i = 0; i <= WireLimits.MAX_HEADER_FIELDS; i++) {
      headers.append("X-H").append(i).append(": v\r\n");
    }
    writeQuietly(many.getOutputStream(), headers.append("\r\n").toString());
    assertTrue(closedWithin(many, 2_000), "too many header fields were accepted");

    Socket endless = open(5);
    byte[] line =
        "X-Filler: 0123456789012345678901234567890123456789\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    endless
        .getOutputStream()
        .write("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\n".getBytes(StandardCharsets.US_ASCII));
    int written = 0;
    try {
      while (written < 4 * WireLimits.MAX_MESSAGE_BYTES) {
        endless.getOutputStream().write(line);
        written += line.length;
      }
    } catch (IOException reset) {
      // refused while writing: what this test wants
    }
    assertTrue(closedWithin(endless, 2_000), "an endless header section was accepted");

    assertOptionsAnswered(3);
  }

  private Socket open(int source) throws IOException {
    Socket s = WireProbe.connect(WireProbe.loopback(source), port);
    opened.add(s);
    return s;
  }

  private void assertOptionsAnswered(int source) throws IOException {
    Socket phone = open(source);
    String hostPort = "127.0.0." + source + ":" + phone.getLocalPort();
    phone
        .getOutputStream()
        .write(
            WireProbe.options("TCP", hostPort, "guard-" + System.nanoTime())
                .getBytes(StandardCharsets.US_ASCII));
    String answer = WireProbe.receiveTcp(phone, 1_000);
    assertNotNull(answer, "no answer for 127.0.0." + source);
    assertEquals(200, WireProbe.wellFormedStatus(answer));
  }

  private static void writeQuietly(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException reset) {
      // the server may close before all is written
    }
  }

  /** True if the server has closed (or reset) {@code socket} within {@code millis}. */
  private static boolean closedWithin(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      while (true) {
        if (socket.getInputStream().read() == -1) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
