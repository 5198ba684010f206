package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The torture messages of RFC 4475 (sections 3.1.1, 3.1.2, 3.2, 3.3 and 3.4), sent to a running
 * container that handles REGISTER and OPTIONS with 200 as the application does, over UDP and, where
 * the message makes sense on a stream, over TCP. Each message file keeps the RFC's bytes except
 * that the top Via's sent-by is {@code $HOSTPORT} and its transport {@code $TRANSPORT}, so that
 * every answer stays on loopback.
 */
class Rfc4475CorpusTest {

  /** Any well-formed 2xx or 4xx: the RFC lets the receiver accept or refuse. */
  private static final int ANY = -1;

  /** Nothing is sent back. */
  private static final int DROPPED = 0;

  private record Case(String file, int expected, boolean overTcp, String note) {}

  private static final List<Case> TABLE =
      List.of(
          // 3.1.1 valid messages
          new Case("wsinv", 405, true, "valid; INVITE not handled here (RFC 3261 8.2.1)"),
          new Case("intmeth", 501, true, "valid; a method nobody knows"),
          new Case("esc01", 405, true, "valid; INVITE not handled here"),
          new Case("escnull", 200, true, ""),
          new Case("esc02", 501, true, "RE%47IST%45R is not REGISTER"),
          new Case("lwsdisp", 200, true, ""),
          new Case("longreq", 405, true, "valid; INVITE not handled here"),
          new Case("dblreq", 200, false, "trailing octets of the datagram ignored"),
          new Case("semiuri", 200, true, ""),
          new Case("transports", 200, true, ""),
          new Case("mpart01", 405, true, "valid; MESSAGE not handled here"),
          new Case("unreason", DROPPED, true, "a response without a transaction"),
          new Case("noreason", DROPPED, true, "a response without a transaction"),
          // 3.1.2 invalid messages
          new Case("badinv01", DROPPED, true, "RFC: 400; the Via is unusable to answer"),
          new Case("clerr", 400, false, "Content-Length past the datagram; a stream would wait"),
          new Case("ncl", 400, true, ""),
          new Case("scalar02", DROPPED, true, "RFC: 400; the CSeq is unusable to answer"),
          new Case("scalarlg", DROPPED, true, "a response"),
          new Case("quotbal", DROPPED, true, "RFC: 400; the To is unusable to answer"),
          new Case("ltgtruri", 400, true, ""),
          new Case("lwsruri", 400, true, ""),
          new Case("lwsstart", 400, true, ""),
          new Case("trws", ANY, true, "RFC: may accept or 400"),
          new Case("escruri", ANY, true, "RFC: 400 from a UAS; INVITE not handled here"),
          new Case("baddate", ANY, true, "RFC: may accept or 400"),
          new Case("regbadct", ANY, true, "RFC: may accept or 400"),
          new Case("badaspec", ANY, true, "RFC: may accept or 400"),
          new Case("baddn", ANY, true, "RFC: may accept or 400"),
          new Case("badvers", 505, true, ""),
          new Case("mismatch01", 400, true, ""),
          new Case("mismatch02", 400, true, "RFC: 400 rather than 501"),
          new Case("bigcode", DROPPED, true, "a response"),
          // 3.2 transaction layer, 3.3 application layer, 3.4 backward compatibility
          new Case("badbranch", 200, true, ""),
          new Case("insuf", DROPPED, true, "RFC: 400; no From, To or Call-ID to answer with"),
          new Case("unkscm", 416, true, ""),
          new Case("novelsc", 416, true, ""),
          new Case("unksm2", ANY, true, "a registrar checks To; this test's REGISTER does not"),
          new Case("bext01", 420, true, "Proxy-Require is for proxies"),
          new Case("invut", 405, true, "RFC: 415; the method is checked first (8.2.1)"),
          new Case("regaut01", ANY, true, "RFC: 401 from a registrar; this test's REGISTER: 200"),
          new Case("multi01", 400, true, ""),
          new Case("mcl01", 400, true, ""),
          new Case("bcast", DROPPED, true, "a response"),
          new Case("zeromf", 200, true, "we are the target; a proxy would answer 483"),
          new Case("cparam01", 200, true, ""),
          new Case("cparam02", 200, true, ""),
          new Case("regescrt", 200, true, ""),
          new Case("sdp01", 405, true, "RFC: 406; INVITE not handled here"),
          new Case("inv2543", 405, true, "RFC 2543 syntax; INVITE not handled here"));

  private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)\\s*:\\s*(\\S+)");

  private static SipContainer container;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, WireProbe.loopback(1))) {
      port = probe.getLocalPort();
    }
    container =
        SipContainer.builder(
                new SipContainerConfig("127.0.0.1", port, Set.of("udp", "tcp"), "rfc4475"))
            .handleStateless("REGISTER", r -> r.respond(200))
            .handleStateless("OPTIONS", r -> r.respond(200))
            .start();
  }

  @AfterAll
  static void stop() {
    container.close();
  }

  /**
   * Sends {@code message} and, like any UDP client (RFC 3261 T1), sends it again after 500 ms
   * without an answer, four times at most: one datagram lost on a busy machine is not a failure.
   */
  private static String exchangeUdp(DatagramSocket phone, byte[] message, String callId)
      throws Exception {
    for (int attempt = 0; attempt < 4; attempt++) {
      WireProbe.sendUdp(phone, message, port);
      String answer = WireProbe.receiveUdp(phone, callId, 500);
      if (answer != null) {
        return answer;
      }
    }
    return null;
  }

  @Test
  void everyTortureMessageOverUdpGetsItsAnswerAndTheServerStillAnswers() throws Exception {
    try (DatagramSocket phone =
        new DatagramSocket(new InetSocketAddress(WireProbe.loopback(1), 0))) {
      String hostPort = "127.0.0.1:" + phone.getLocalPort();
      for (Case c : TABLE) {
        byte[] message = message(c.file(), "UDP", hostPort);
        String answer;
        if (c.expected() == DROPPED) {
          WireProbe.sendUdp(phone, message, port);
          answer = WireProbe.receiveUdp(phone, callId(message), 300);
        } else {
          answer = exchangeUdp(phone, message, callId(message));
        }
        check(c, "UDP", answer);
        String probe = "udp-probe-" + c.file();
        String alive =
            exchangeUdp(
                phone,
                WireProbe.options("UDP", hostPort, probe).getBytes(StandardCharsets.US_ASCII),
                probe);
        assertNotNull(alive, "no answer to OPTIONS after " + c.file());
        assertEquals(200, WireProbe.wellFormedStatus(alive));
      }
    }
  }

  @Test
  void everyStreamableTortureMessageOverTcpGetsItsAnswerAndTheServerStillAnswers()
      throws Exception {
    for (Case c : TABLE) {
      if (!c.overTcp()) {
        continue;
      }
      try (Socket phone = WireProbe.connect(WireProbe.loopback(1), port)) {
        String hostPort = "127.0.0.1:" + phone.getLocalPort();
        phone.getOutputStream().write(message(c.file(), "TCP", hostPort));
        check(c, "TCP", WireProbe.receiveTcp(phone, c.expected() == DROPPED ? 300 : 2_000));
      }
      try (Socket probe = WireProbe.connect(WireProbe.loopback(1), port)) {
        String hostPort = "127.0.0.1:" + probe.getLocalPort();
        probe
            .getOutputStream()
            .write(
                WireProbe.options("TCP", hostPort, "tcp-probe-" + c.file())
                    .getBytes(StandardCharsets.US_ASCII));
        String alive = WireProbe.receiveTcp(probe, 2_000);
        assertNotNull(alive, "no answer to OPTIONS over TCP after " + c.file());
        assertEquals(200, WireProbe.wellFormedStatus(alive));
      }
    }
  }

  private static void check(Case c, String transport, String answer) {
    String where = c.file() + " over " + transport + " (" + c.note() + ")";
    if (c.expected() == DROPPED) {
      assertNull(answer, where + " expected no answer, got " + answer);
      return;
    }
    assertNotNull(answer, where + ": no answer");
    int status = WireProbe.wellFormedStatus(answer);
    if (c.expected() == ANY) {
      assertTrue(status >= 200 && status < 500, where + ": " + answer);
    } else {
      assertEquals(c.expected(), status, where + ": " + answer);
    }
    if (status == 420) {
      assertTrue(
          answer.contains("nothingSupportedHere") && answer.contains("nothingSuppHere2"), answer);
      assertTrue(!answer.contains("noProxiesSupportThis"), answer);
    }
    if (status == 405) {
      assertTrue(answer.contains("Allow: OPTIONS, REGISTER"), answer);
    }
  }

  private static byte[] message(String file, String transport, String hostPort) throws IOException {
    try (InputStream in =
        Rfc4475CorpusTest.class.getResourceAsStream("/rfc4475/" + file + ".dat")) {
      byte[] raw = in.readAllBytes();
      // The placeholders are ASCII and sit in the headers, so a byte-wise swap keeps the body.
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      return text.replace("$TRANSPORT", transport)
          .replace("$HOSTPORT", hostPort)
          .getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private static String callId(byte[] message) {
    Matcher m = CALL_ID.matcher(new String(message, StandardCharsets.ISO_8859_1));
    return m.find() ? m.group(1) : "no-call-id-in-message";
  }
}
