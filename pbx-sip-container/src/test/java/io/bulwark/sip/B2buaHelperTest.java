package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * A caller, a B2BUA built on the helper and a callee, three containers on loopback: the call
 * crosses with its session but not the caller's identity, and BYE and failures cross back.
 */
class B2buaHelperTest {

  private static final String OFFER = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\n";
  private static final String ANSWER = "v=0\r\no=callee 1 1 IN IP4 127.0.0.1\r\ns=-\r\n";

  /** The callee: answers INVITE with {@code status}, the answer SDP for a 200; records the rest. */
  private static SipContainer callee(int status, BlockingQueue<Request> received) throws Exception {
    return SipContainer.builder(config(freePort(), "callee"))
        .handle(
            "INVITE",
            r -> {
              received.add(r.message());
              r.dialog()
                  .listen(
                      request -> {
                        received.add(request.message());
                        request.respond(200);
                      });
              r.respond(180);
              r.respond(status, ok -> sdp(r, ok, ANSWER));
            })
        .start();
  }

  /** The B2BUA: every INVITE goes on to {@code target}, as "Bulwark" 1000 whoever called. */
  private static SipContainer b2bua(SipURI target) throws Exception {
    int port = freePort();
    CompletableFuture<SipContainer> self = new CompletableFuture<>();
    SipContainer b2bua =
        SipContainer.builder(config(port, "b2bua"))
            .handle(
                "INVITE",
                incoming -> {
                  SipClient client = self.join().client();
                  B2buaHelper helper = new B2buaHelper(client);
                  SipDialog inbound = incoming.dialog();
                  Address identity = address(client, "\"Bulwark\" <sip:1000@127.0.0.1>");
                  Request leg =
                      helper.newLeg(
                          incoming, target, identity, address(client, "<" + target + ">"));
                  SipDialog outbound =
                      client.invite(
                          leg,
                          new ResponseHandler() {
                            @Override
                            public void onResponse(SipResponse response) {
                              if (response.status() == 100) {
                                return;
                              }
                              if (response.isSuccess()) {
                                response.dialog().ack(response);
                                inbound.link(response.dialog());
                              }
                              helper.relay(response, incoming);
                            }

                            @Override
                            public void onTimeout() {
                              incoming.respond(408);
                            }
                          });
                  inbound.listen(request -> helper.forward(request, inbound.linked()));
                  outbound.listen(request -> helper.forward(request, outbound.linked()));
                  incoming.onCancel(outbound::cancel);
                })
            .start();
    self.complete(b2bua);
    return b2bua;
  }

  @Test
  void theCallCrossesWithItsSessionButNotTheCallersIdentityAndByeCrossesBack() throws Exception {
    BlockingQueue<Request> atCallee = new LinkedBlockingQueue<>();
    try (SipContainer callee = callee(200, atCallee);
        SipContainer b2bua = b2bua(uri(callee));
        SipContainer caller = SipContainer.builder(config(freePort(), "caller")).start()) {
      Responses seen = new Responses();
      Request invite = invite(caller.client(), b2bua);
      invite.addHeader(caller.client().headerFactory().createHeader("Subject", "budget"));
      invite.addHeader(caller.client().headerFactory().createHeader("X-Secret", "internal"));

      SipDialog call = caller.client().invite(invite, seen);
      SipResponse ok = seen.last();

      assertEquals(200, ok.status());
      assertEquals(ANSWER, body(ok.message()), "the callee's answer reaches the caller");
      Request offered = atCallee.poll(5, TimeUnit.SECONDS);
      assertNotNull(offered);
      assertEquals(OFFER, body(offered), "the caller's offer reaches the callee");
      FromHeader from = (FromHeader) offered.getHeader(FromHeader.NAME);
      assertEquals("sip:1000@127.0.0.1", from.getAddress().getURI().toString());
      assertEquals("Bulwark", from.getAddress().getDisplayName());
      assertTrue(offered.getHeader("Subject").toString().contains("budget"), "the subject crosses");
      assertTrue(offered.getHeader("X-Secret") == null, "unknown headers stay on their leg");
      assertFalse(offered.getHeader("Call-ID").equals(invite.getHeader("Call-ID")), "a new dialog");
      assertEquals(
          69,
          ((MaxForwardsHeader) offered.getHeader(MaxForwardsHeader.NAME)).getMaxForwards(),
          "one hop fewer than the caller's");

      call.ack(ok);
      call.send(call.newRequest(Request.BYE), seen);

      assertEquals(200, seen.next().status());
      Request bye = atCallee.poll(5, TimeUnit.SECONDS);
      assertNotNull(bye);
      assertEquals(Request.BYE, bye.getMethod());
    }
  }

  @Test
  void aBusyCalleeIsBusyForTheCaller() throws Exception {
    try (SipContainer callee = callee(486, new LinkedBlockingQueue<>());
        SipContainer b2bua = b2bua(uri(callee));
        SipContainer caller = SipContainer.builder(config(freePort(), "caller")).start()) {
      Responses seen = new Responses();
      caller.client().invite(invite(caller.client(), b2bua), seen);

      assertEquals(486, seen.last().status());
    }
  }

  private static Request invite(SipClient client, SipContainer b2bua) throws Exception {
    AddressFactory addresses = client.addressFactory();
    SipURI target = addresses.createSipURI("2000", "127.0.0.1");
    target.setPort(b2bua.config().port());
    Request invite =
        client.newRequest(
            Request.INVITE,
            target,
            address(client, "\"Not Who I Am\" <sip:forged@127.0.0.1>"),
            address(client, "<sip:2000@127.0.0.1>"));
    invite.setContent(OFFER, client.headerFactory().createContentTypeHeader("application", "sdp"));
    return invite;
  }

  private static SipURI uri(SipContainer callee) throws Exception {
    SipURI uri = callee.client().addressFactory().createSipURI("2000", "127.0.0.1");
    uri.setPort(callee.config().port());
    return uri;
  }

  private static Address address(SipClient client, String text) {
    try {
      return client.addressFactory().createAddress(text);
    } catch (java.text.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void sdp(SipRequest request, javax.sip.message.Response response, String body) {
    try {
      response.setContent(
          body, request.headerFactory().createContentTypeHeader("application", "sdp"));
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(javax.sip.message.Message message) {
    return new String(message.getRawContent(), StandardCharsets.UTF_8);
  }

  private static SipContainerConfig config(int port, String name) {
    return new SipContainerConfig("127.0.0.1", port, Set.of("udp"), name);
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }
}
