package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A source the gate refuses gets nothing, over UDP or TCP; the others are answered as before. */
class SourceGateTest {

  @Test
  void aShutOutSourceIsDroppedUnreadWhileOthersAreAnswered() throws Exception {
    InetAddress shutOut = WireProbe.loopback(66);
    AtomicInteger asked = new AtomicInteger();
    Set<SourceGate.Transport> transports = ConcurrentHashMap.newKeySet();
    int port = freePort();
    try (SipContainer container =
            SipContainer.builder(
                    new SipContainerConfig("127.0.0.1", port, Set.of("udp", "tcp"), "gate"))
                .handleStateless("OPTIONS", r -> r.respond(200))
                .admitOnly(
                    (source, transport) -> {
                      asked.incrementAndGet();
                      transports.add(transport);
                      return !source.equals(shutOut);
                    })
                .start();
        DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(shutOut, 0));
        DatagramSocket phone =
            new DatagramSocket(new InetSocketAddress(WireProbe.loopback(1), 0))) {
      String blockedCall = "gate-udp-blocked";
      WireProbe.sendUdp(
          attacker,
          bytes(WireProbe.options("UDP", "127.0.0.66:" + attacker.getLocalPort(), blockedCall)),
          port);
      String openCall = "gate-udp-open";
      WireProbe.sendUdp(
          phone,
          bytes(WireProbe.options("UDP", "127.0.0.1:" + phone.getLocalPort(), openCall)),
          port);

      assertEquals(200, WireProbe.wellFormedStatus(WireProbe.receiveUdp(phone, openCall, 5_000)));
      assertNull(
          WireProbe.receiveUdp(attacker, blockedCall, 1_000), "no answer to a shut-out source");
      assertEquals(1, container.shutOutDatagrams());
      assertEquals(
          1L,
          container.traffic().requestsByMethod().get("OPTIONS"),
          "only the admitted request reached the stack");

      assertTrue(resetOnConnect(shutOut, port), "the connection of a shut-out source is reset");
      try (Socket admitted = WireProbe.connect(WireProbe.loopback(1), port)) {
        admitted
            .getOutputStream()
            .write(bytes(WireProbe.options("TCP", "127.0.0.1:" + admitted.getLocalPort(), "t")));
        String answer = WireProbe.receiveTcp(admitted, 5_000);
        assertNotNull(answer, "an admitted connection is answered");
        assertEquals(200, WireProbe.wellFormedStatus(answer));
      }
      assertTrue(asked.get() >= 4, "the gate was asked for every datagram and connection");
      assertEquals(
          Set.of(SourceGate.Transport.UDP, SourceGate.Transport.TCP),
          transports,
          "the gate is told what carried the packet");
    }
  }

  /** Connects from {@code source}: true when the server reset or closed the connection. */
  private static boolean resetOnConnect(InetAddress source, int port) {
    try (Socket socket = WireProbe.connect(source, port)) {
      return closedWithin(socket, 2_000);
    } catch (IOException resetWhileConnecting) {
      return true; // refused so fast that the connect (or the close) saw the reset
    }
  }

  private static boolean closedWithin(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\n\r\n"));
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, WireProbe.loopback(1))) {
      return probe.getLocalPort();
    }
  }
}
