package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OverloadRefusalTest {

  private static final String REGISTER =
      "REGISTER sip:pbx.example.com SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1;rport\r\n"
          + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-0\r\n"
          + "Max-Forwards: 70\r\n"
          + "From: <sip:201@pbx.example.com>;tag=a1\r\n"
          + "To: <sip:201@pbx.example.com>\r\n"
          + "Call-ID: c-1@192.0.2.10\r\n"
          + "CSeq: 7 REGISTER\r\n"
          + "Contact: <sip:201@192.0.2.10:5060>\r\n"
          + "Content-Length: 0\r\n"
          + "\r\n";

  private static String refusalOf(String request) {
    byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
    byte[] answer = OverloadRefusal.of(bytes, bytes.length);
    return answer == null ? null : new String(answer, StandardCharsets.ISO_8859_1);
  }

  @Test
  void aNewRequestGetsA503WithItsOwnHeadersAndRetryAfter() {
    assertEquals(
        "SIP/2.0 503 Service Unavailable\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1;rport\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-0\r\n"
            + "From: <sip:201@pbx.example.com>;tag=a1\r\n"
            + "To: <sip:201@pbx.example.com>;tag="
            + refusalOf(REGISTER).replaceAll("(?s).*;tag=([0-9a-f]+)\r\nCall-ID.*", "$1")
            + "\r\n"
            + "Call-ID: c-1@192.0.2.10\r\n"
            + "CSeq: 7 REGISTER\r\n"
            + "Retry-After: 5\r\n"
            + "Content-Length: 0\r\n\r\n",
        refusalOf(REGISTER));
  }

  @Test
  void compactHeadersAreAnsweredInKind() {
    String compact =
        "OPTIONS sip:pbx SIP/2.0\nv: SIP/2.0/UDP h;branch=z9hG4bK-2\nf: <sip:a@h>;tag=1\n"
            + "t: <sip:pbx>\ni: x\nCSeq: 1 OPTIONS\n\n";

    String refusal = refusalOf(compact);

    assertTrue(refusal.contains("\r\nt: <sip:pbx>;tag="), refusal);
    assertTrue(refusal.contains("\r\nv: SIP/2.0/UDP h;branch=z9hG4bK-2\r\n"), refusal);
  }

  @Test
  void newWorkIsARequestOutsideADialogWithoutCredentials() {
    assertTrue(bringsNewWork(REGISTER));
    assertTrue(bringsNewWork(REGISTER.replace("REGISTER sip:", "INVITE sip:")));
    assertTrue(bringsNewWork("OPTIONS sip:pbx SIP/2.0\nt: <sip:pbx>\n\n"), "LF line ends");
    assertTrue(bringsNewWork("garbage"), "the parser's business, at the lower priority");
    assertTrue(
        bringsNewWork(REGISTER.replace("Contact:", "X-Authorization: x\r\nContact:")),
        "a header that only ends like one");
    assertTrue(bringsNewWork(REGISTER + "Authorization: Digest x\r\n"), "credentials in the body");

    assertFalse(
        bringsNewWork(REGISTER.replace("Contact:", "authorization : Digest x\r\nContact:")));
    assertFalse(
        bringsNewWork(REGISTER.replace("Contact:", "Proxy-Authorization: Digest x\r\nContact:")));
    assertFalse(
        bringsNewWork(REGISTER.replace("pbx.example.com>\r\n", "pbx.example.com>;TAG=7\r\n")));
    assertFalse(bringsNewWork("BYE sip:a SIP/2.0\r\nt: <sip:b>;tag=2\r\n\r\n"), "in a dialog");
    assertFalse(bringsNewWork(REGISTER.replace("REGISTER sip:", "ACK sip:")));
    assertFalse(bringsNewWork(REGISTER.replace("REGISTER sip:", "CANCEL sip:")));
    assertFalse(bringsNewWork("SIP/2.0 401 Unauthorized\r\nTo: <sip:a>\r\n\r\n"), "a response");
  }

  private static boolean bringsNewWork(String datagram) {
    byte[] bytes = datagram.getBytes(StandardCharsets.ISO_8859_1);
    return OverloadRefusal.bringsNewWork(bytes, bytes.length);
  }

  @Test
  void workUnderWayAndWhatCannotBeAnsweredAreLeftToTheStack() {
    assertNull(
        refusalOf(REGISTER.replace("Contact:", "Authorization: Digest username=\"a\"\r\nContact:")),
        "credentials: a registration under way");
    assertNull(
        refusalOf(REGISTER.replace("pbx.example.com>\r\n", "pbx.example.com>;tag=7\r\n")),
        "in a dialog");
    assertNull(refusalOf(REGISTER.replace("REGISTER sip:", "ACK sip:")), "ACK");
    assertNull(refusalOf(REGISTER.replace("REGISTER sip:", "CANCEL sip:")), "CANCEL");
    assertNull(refusalOf("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\n\r\n"), "a response");
    assertNull(refusalOf(REGISTER.replace("Call-ID: c-1@192.0.2.10\r\n", "")), "no Call-ID");
    assertNull(
        refusalOf(REGISTER.replace("CSeq: 7 REGISTER\r\n", "CSeq: 7 REGISTER\r\nCSeq: 8 X\r\n")),
        "two CSeq: the parser answers 400");
    assertNull(
        refusalOf(REGISTER.replace("To: <sip:201@pbx.example.com>", "To:\r\n <sip:201@pbx>")),
        "folded header");
    assertNull(refusalOf("garbage"), "no line end");
  }
}
