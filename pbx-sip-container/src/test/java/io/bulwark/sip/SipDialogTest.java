package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * Two containers on loopback, one calling the other, as JAIN-SIP's own Shootist and Shootme do:
 * client transactions, responses routed back to the sender, dialogs on both sides, ACK, BYE, CANCEL
 * and Timer B.
 */
class SipDialogTest {

  private static final String SDP =
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
          + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

  @Test
  void aCallRingsIsAnsweredAcknowledgedAndEndedByByeOnBothSides() throws Exception {
    List<String> calleeSaw = new CopyOnWriteArrayList<>();
    CompletableFuture<SipDialog> calleeDialog = new CompletableFuture<>();
    CompletableFuture<Void> acked = new CompletableFuture<>();
    DialogListener callee =
        new DialogListener() {
          @Override
          public void onRequest(SipRequest request) {
            calleeSaw.add(request.method());
            request.respond(200);
          }

          @Override
          public void onAck(Request ack) {
            acked.complete(null);
          }
        };
    int calleePort = freePort();
    try (SipContainer callees =
            SipContainer.builder(config(calleePort))
                .handle(
                    "INVITE",
                    r -> {
                      SipDialog dialog = r.dialog();
                      dialog.listen(callee);
                      calleeDialog.complete(dialog);
                      r.respond(180);
                      r.respond(200, ok -> withSdp(r, ok));
                    })
                .start();
        SipContainer callers = SipContainer.builder(config(freePort())).start()) {
      Responses caller = new Responses();
      Request invite = invite(callers.client(), callees.config().port(), "udp");

      SipDialog dialog = callers.client().invite(invite, caller);

      // The callee sends 180 and 200 within microseconds; over UDP, and with several stack
      // threads, the 200 may overtake the 180, which the transaction then drops (RFC 3261
      // 17.1.1.2).
      SipResponse ok = caller.nextBeyondTrying();
      if (ok.status() == 180) {
        SipResponse ringing = ok;
        assertEquals(dialog, ringing.dialog());
        ok = caller.next();
        assertEquals(toTag(ringing), toTag(ok), "one dialog: 180 and 200 carry the same To tag");
      }
      assertEquals(200, ok.status());
      assertEquals(dialog, ok.dialog());
      assertTrue(
          new String(ok.message().getRawContent(), StandardCharsets.UTF_8).contains("m=audio"));
      dialog.ack(ok);
      acked.get(5, TimeUnit.SECONDS);
      assertTrue(dialog.isConfirmed());
      assertEquals(dialog.callId(), calleeDialog.get().callId());

      dialog.listen(request -> request.respond(200));
      dialog.send(dialog.newRequest(Request.BYE), caller);

      assertEquals(200, caller.next().status());
      assertEquals(List.of("BYE"), calleeSaw);
      assertTrue(dialog.isTerminated());
      assertTrue(calleeDialog.get().isTerminated());
      // The stack keeps an ended dialog a while (its linger, then a 32 s ACK timer holds it);
      // once it lets the dialog go, the dialog lets go of what it carried.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while ((dialog.listener() != null || calleeDialog.get().listener() != null)
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertNull(dialog.listener(), "the caller's ended dialog still holds its listener");
      assertNull(
          calleeDialog.get().listener(), "the callee's ended dialog still holds its listener");
    }
  }

  @Test
  void anInviteRefusedStatelesslyKeepsNothingAndOneLetInGetsATransactionAndADialog()
      throws Exception {
    int calleePort = freePort();
    try (SipContainer callees =
            SipContainer.builder(config(calleePort))
                .handleStateless(
                    "INVITE",
                    r -> {
                      if (r.message().getHeader("Subject") == null) {
                        r.respond(407);
                      } else if (r.enterTransaction()) {
                        r.dialog().listen(request -> request.respond(200));
                        r.respond(200, ok -> withSdp(r, ok));
                      }
                    })
                .start();
        SipContainer callers = SipContainer.builder(config(freePort())).start()) {
      Responses refused = new Responses();
      callers.client().invite(invite(callers.client(), callees.config().port(), "udp"), refused);
      assertEquals(407, refused.nextBeyondTrying().status());
      assertEquals(0, callees.serverTransactions(), "a refusal keeps no state");

      Responses letIn = new Responses();
      Request invite = invite(callers.client(), callees.config().port(), "udp");
      invite.addHeader(callers.client().headerFactory().createHeader("Subject", "let in"));
      SipDialog dialog = callers.client().invite(invite, letIn);
      SipResponse ok = letIn.nextBeyondTrying();
      assertEquals(200, ok.status());
      dialog.ack(ok);
      dialog.send(dialog.newRequest(Request.BYE), letIn);
      assertEquals(200, letIn.next().status());
    }
  }

  @Test
  void aCancelledInviteEndsWith487() throws Exception {
    CompletableFuture<SipRequest> pending = new CompletableFuture<>();
    int calleePort = freePort();
    try (SipContainer callees =
            SipContainer.builder(config(calleePort))
                .handle(
                    "INVITE",
                    r -> {
                      r.respond(180);
                      pending.complete(r);
                    })
                .start();
        SipContainer callers = SipContainer.builder(config(freePort())).start()) {
      Responses caller = new Responses();
      SipDialog dialog =
          callers.client().invite(invite(callers.client(), callees.config().port(), "udp"), caller);
      assertEquals(180, caller.nextBeyondTrying().status());

      dialog.cancel();

      assertEquals(487, caller.next().status());
      assertTrue(pending.get().isCancelled());
    }
  }

  @Test
  void aCancelAskedBeforeAnyProvisionalAnswerWaitsForOne() throws Exception {
    try (DatagramSocket callee = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        SipContainer callers = SipContainer.builder(config(freePort())).start()) {
      callee.setSoTimeout(5000);
      Responses caller = new Responses();
      SipDialog dialog =
          callers.client().invite(invite(callers.client(), callee.getLocalPort(), "udp"), caller);
      DatagramPacket invite = receive(callee);

      dialog.cancel();
      callee.setSoTimeout(300); // under T1: not even a retransmission of the INVITE comes
      assertThrows(SocketTimeoutException.class, () -> receive(callee), "RFC 3261 9.1");

      String ringing = responseTo(text(invite), "180 Ringing");
      byte[] bytes = ringing.getBytes(StandardCharsets.US_ASCII);
      callee.send(new DatagramPacket(bytes, bytes.length, invite.getSocketAddress()));
      callee.setSoTimeout(5000);
      String next = text(receive(callee));
      assertTrue(next.startsWith("CANCEL "), next);
      assertEquals(180, caller.next().status());
    }
  }

  @Test
  void overTcpTheDialogWorksTheSame() throws Exception {
    int calleePort = freePort();
    try (SipContainer callees =
            SipContainer.builder(config(calleePort))
                .handle(
                    "INVITE",
                    r -> {
                      r.dialog().listen(request -> request.respond(200));
                      r.respond(200, ok -> withSdp(r, ok));
                    })
                .start();
        SipContainer callers = SipContainer.builder(config(freePort())).start()) {
      Responses caller = new Responses();
      SipDialog dialog =
          callers.client().invite(invite(callers.client(), callees.config().port(), "tcp"), caller);

      SipResponse ok = caller.nextBeyondTrying();
      assertEquals(200, ok.status());
      assertTrue(ok.message().getHeader("Via").toString().contains("TCP"));
      dialog.ack(ok);
      dialog.send(dialog.newRequest(Request.BYE), caller);
      assertEquals(200, caller.next().status());
    }
  }

  @Test
  void anInviteNobodyAnswersIsRetransmittedThenTimesOut() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        SipContainer callers =
            SipContainer.builder(config(freePort())).retransmitMillis(50).start()) {
      silent.setSoTimeout(5000);
      Responses caller = new Responses();

      callers.client().invite(invite(callers.client(), silent.getLocalPort(), "udp"), caller);

      int copies = 0;
      byte[] buffer = new byte[4096];
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      while (System.nanoTime() < until) {
        silent.receive(new DatagramPacket(buffer, buffer.length));
        copies++;
      }
      assertTrue(copies >= 3, "Timer A retransmits the INVITE: " + copies + " copies");
      caller.timedOut.get(10, TimeUnit.SECONDS); // Timer B: 64 × T1 = 3.2 s
      assertTrue(caller.received.isEmpty());
    }
  }

  @Test
  void aRequestOutsideAnyDialogGetsItsAnswer() throws Exception {
    try (SipContainer peer =
            SipContainer.builder(config(freePort()))
                .handleStateless("OPTIONS", r -> r.respond(200))
                .start();
        SipContainer sender = SipContainer.builder(config(freePort())).start()) {
      SipClient client = sender.client();
      javax.sip.address.SipURI target = client.addressFactory().createSipURI(null, "127.0.0.1");
      target.setPort(peer.config().port());
      Address self = client.addressFactory().createAddress("<sip:bulwark@127.0.0.1>");
      Responses answers = new Responses();

      client.send(client.newRequest(Request.OPTIONS, target, self, self), answers);

      SipResponse ok = answers.next();
      assertEquals(200, ok.status());
      assertEquals(Request.OPTIONS, ok.method());
      assertEquals(null, ok.dialog(), "no dialog outside an INVITE");
    }
  }

  @Test
  void aRequestForADialogThatDoesNotExistGets481() throws Exception {
    int port = freePort();
    try (SipContainer container =
            SipContainer.builder(config(port)).handle("INVITE", r -> r.respond(486)).start();
        DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      phone.setSoTimeout(5000);
      String answer = exchange(phone, port, "BYE", ";tag=gone");
      assertTrue(answer.startsWith("SIP/2.0 481 "), answer);
      String cancel = exchange(phone, port, "CANCEL", "");
      assertTrue(cancel.startsWith("SIP/2.0 481 "), cancel);
      assertEquals(0, container.serverTransactions(), "the refusals keep no state");
    }
  }

  private static Request invite(SipClient client, int port, String transport) throws Exception {
    AddressFactory addresses = client.addressFactory();
    javax.sip.address.SipURI target = addresses.createSipURI("bob", "127.0.0.1");
    target.setPort(port);
    if (!"udp".equals(transport)) {
      target.setTransportParam(transport);
    }
    Address from = addresses.createAddress("Alice <sip:alice@127.0.0.1>");
    Address to = addresses.createAddress(addresses.createSipURI("bob", "127.0.0.1"));
    Request invite = client.newRequest(Request.INVITE, target, from, to);
    ContentTypeHeader sdp = client.headerFactory().createContentTypeHeader("application", "sdp");
    invite.setContent(SDP, sdp);
    return invite;
  }

  private static void withSdp(SipRequest request, javax.sip.message.Response response) {
    try {
      response.setContent(
          SDP, request.headerFactory().createContentTypeHeader("application", "sdp"));
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String toTag(SipResponse response) {
    return ((ToHeader) response.message().getHeader(ToHeader.NAME)).getTag();
  }

  private static String exchange(DatagramSocket phone, int port, String method, String toTag)
      throws Exception {
    String request =
        method
            + " sip:127.0.0.1:"
            + port
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:"
            + phone.getLocalPort()
            + ";rport;branch=z9hG4bK"
            + System.nanoTime()
            + "\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
            + "To: <sip:bob@127.0.0.1>"
            + toTag
            + "\r\n"
            + "Call-ID: stray-"
            + System.nanoTime()
            + "\r\n"
            + "CSeq: 2 "
            + method
            + "\r\n"
            + "Content-Length: 0\r\n\r\n";
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    phone.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    byte[] buffer = new byte[4096];
    DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
    phone.receive(answer);
    return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
  }

  private static DatagramPacket receive(DatagramSocket socket) throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
    socket.receive(packet);
    return packet;
  }

  private static String text(DatagramPacket packet) {
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
  }

  /** A response to a raw request: its Via, From, To (with a tag), Call-ID and CSeq. */
  private static String responseTo(String request, String statusLine) {
    StringBuilder response = new StringBuilder("SIP/2.0 " + statusLine + "\r\n");
    for (String line : request.split("\r\n")) {
      String name = line.contains(":") ? line.substring(0, line.indexOf(':')) : "";
      switch (name) {
        case "Via", "From", "Call-ID", "CSeq" -> response.append(line).append("\r\n");
        case "To" -> response.append(line).append(";tag=callee1\r\n");
        default -> {}
      }
    }
    return response.append("Content-Length: 0\r\n\r\n").toString();
  }

  private static SipContainerConfig config(int port) {
    return new SipContainerConfig("127.0.0.1", port, Set.of("udp", "tcp"), "dialog-test");
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
