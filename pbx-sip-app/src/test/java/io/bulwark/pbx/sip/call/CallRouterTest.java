package io.bulwark.pbx.sip.call;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.activity.SipActivity;
import io.bulwark.pbx.callpolicy.CallPolicy;
import io.bulwark.pbx.cdr.CallDetailRecord;
import io.bulwark.pbx.cdr.Disposition;
import io.bulwark.pbx.cdr.HangupSide;
import io.bulwark.pbx.cdr.LiveCalls;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.RegistrationGuard;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.pbx.location.ConcurrentMapLocationStore;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.location.RegisterRequest;
import io.bulwark.pbx.location.RegistrationPolicy;
import io.bulwark.pbx.location.RegistrationRules;
import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.routing.InboundRouting;
import io.bulwark.pbx.routing.InboundRule;
import io.bulwark.pbx.routing.OutboundRouting;
import io.bulwark.pbx.routing.OutboundRule;
import io.bulwark.pbx.routing.PinMode;
import io.bulwark.pbx.routing.RoutePin;
import io.bulwark.pbx.routing.TimeCondition;
import io.bulwark.pbx.sip.media.DtmfEvents;
import io.bulwark.pbx.sip.media.RtpEngine;
import io.bulwark.pbx.sip.media.RtpEngineDaemon;
import io.bulwark.pbx.sip.media.RtpEngineSettings;
import io.bulwark.pbx.sip.registrar.DigestAuthentication;
import io.bulwark.pbx.sip.registrar.DigestVerifier;
import io.bulwark.pbx.sip.registrar.NonceService;
import io.bulwark.pbx.trunk.HostPort;
import io.bulwark.pbx.trunk.Transport;
import io.bulwark.pbx.trunk.TrunkCredentials;
import io.bulwark.pbx.trunk.TrunkKind;
import io.bulwark.pbx.trunk.TrunkProfile;
import io.bulwark.pbx.trunk.Trunks;
import io.bulwark.sip.ResponseHandler;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipContainer;
import io.bulwark.sip.SipContainerConfig;
import io.bulwark.sip.SipResponse;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulwark's call router in a container on loopback, with two more containers as phones: extension
 * 1001 calls 1002 after a 407, and the failures a caller meets on the way.
 */
class CallRouterTest {

  private static final String REALM = "bulwark";
  private static final String CALLER_SDP = sdp(4000);
  private static final String CALLEE_SDP = sdp(5000);

  private final Map<String, SipCredentials> credentials =
      Map.of(
          "alice",
              new SipCredentials(
                  "1001",
                  "alice",
                  SipCredentials.md5Hex("alice:bulwark:pw-a"),
                  RegistrationGuard.DEFAULT),
          "bob",
              new SipCredentials(
                  "1002",
                  "bob",
                  SipCredentials.md5Hex("bob:bulwark:pw-b"),
                  RegistrationGuard.DEFAULT));
  private final Map<String, String> callerIds = Map.of("1001", "Alice", "1002", "Bob", "1003", "");
  private final List<SecurityEvent> refusals = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Request> atCallee = new LinkedBlockingQueue<>();
  private final List<CallDetailRecord> records = new CopyOnWriteArrayList<>();
  private final LiveCalls live = new LiveCalls();

  /** The callee plays a phone behind NAT: its Contacts name 127.0.0.2, where nothing listens. */
  private volatile boolean calleeBehindNat;

  /**
   * The Contact the caller writes; null for its own address (a caller behind NAT names another).
   */
  private volatile String callerContact;

  private SipContainer pbx;
  private SipContainer callee;
  private SipContainer caller;
  private Locations locations;
  private BiFunction<Dialplan, MediaRelay, CallRouter> routerFor;
  private Dialplan extensionsOnly;
  private volatile CallRouter router;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() throws Exception {
    Clock clock = Clock.systemUTC();
    NonceService nonces = new NonceService(clock, Duration.ofMinutes(5));
    locations =
        new Locations(
            new ConcurrentMapLocationStore(),
            new RegistrationRules(RegistrationPolicy.STANDARD),
            clock);
    pbx =
        SipContainer.builder(config("pbx"))
            .handleStateless("INVITE", invite -> router.handle(invite))
            .start();
    DigestAuthentication authentication =
        new DigestAuthentication(
            new DigestVerifier(nonces, REALM),
            nonces,
            name -> Optional.ofNullable(credentials.get(name)),
            (event, reason) -> refusals.add(event),
            (request, username) -> {},
            source -> true,
            new SipActivity(clock),
            clock);
    routerFor =
        (dialplan, relay) ->
            new CallRouter(
                authentication,
                dialplan,
                pbx.client(),
                live,
                record -> {
                  records.add(record);
                  return CompletableFuture.completedFuture(null);
                },
                clock,
                relay,
                (event, reason) -> refusals.add(event),
                timer);
    extensionsOnly =
        Dialplan.extensionsOnly(number -> Optional.ofNullable(callerIds.get(number)), locations);
    router = routerFor.apply(extensionsOnly, MediaRelay.NONE);
    callee =
        SipContainer.builder(config("callee"))
            .handle(
                "INVITE",
                r -> {
                  atCallee.add(r.message());
                  r.dialog()
                      .listen(
                          request -> {
                            atCallee.add(request.message());
                            request.respond(200);
                          });
                  r.respond(180);
                  r.respond(
                      200,
                      ok -> {
                        try {
                          if (calleeBehindNat) {
                            ok.setHeader(
                                r.headerFactory()
                                    .createHeader(
                                        "Contact",
                                        "<sip:1002@127.0.0.2:" + callee.config().port() + ">"));
                          }
                          ok.setContent(
                              CALLEE_SDP,
                              r.headerFactory().createContentTypeHeader("application", "sdp"));
                        } catch (java.text.ParseException e) {
                          throw new IllegalStateException(e);
                        }
                      });
                })
            .start();
    caller = SipContainer.builder(config("caller")).start();
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
    for (SipContainer c : new SipContainer[] {caller, callee, pbx}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void anExtensionCallsAnotherAfterA407AndTheCalleeSeesItsRealIdentity() throws Exception {
    registerCallee("1002");
    Seen seen = new Seen();

    var dialog = callWithCredentials("1002", "alice", "pw-a", seen);

    SipResponse ok = seen.last();
    assertEquals(200, ok.status());
    Request offered = atCallee.poll(5, TimeUnit.SECONDS);
    assertNotNull(offered);
    FromHeader from = (FromHeader) offered.getHeader(FromHeader.NAME);
    assertEquals("sip:1001@127.0.0.1", from.getAddress().getURI().toString());
    assertEquals("Alice", from.getAddress().getDisplayName());
    dialog.ack(ok);
    dialog.send(dialog.newRequest(Request.BYE), seen);
    assertEquals(200, seen.last().status());
    Request bye = atCallee.poll(5, TimeUnit.SECONDS);
    assertNotNull(bye);
    assertEquals(Request.BYE, bye.getMethod());
    assertTrue(refusals.isEmpty());
    CallDetailRecord last = records.get(records.size() - 1);
    assertEquals(Disposition.ANSWERED, last.disposition());
    assertEquals(HangupSide.CALLER, last.hangupSide());
    assertEquals("1001", last.parties().caller());
    assertEquals("1002", last.parties().callee());
    assertTrue(last.isEnded() && last.endedAt().compareTo(last.answeredAt()) >= 0);
    assertEquals(0, live.count(), "an ended call is no longer live");
  }

  @Test
  void theServerHangsUpAnAnsweredCallOnBothSidesAndRecordsWhy() throws Exception {
    hangUpAnsweredCallAndSeeBothByes(this::hangUpByAdmin, "Hung up by admin");
  }

  @Test
  void aCallerBehindNatGetsRequestsWhereItsInviteCameFrom() throws Exception {
    callerContact = "<sip:1001@127.0.0.2:" + caller.config().port() + ">";
    hangUpAnsweredCallAndSeeBothByes(this::hangUpByAdmin, "Hung up by admin");
  }

  @Test
  void anAnsweredCallIsHungUpOnBothSidesAtItsMaximumDuration() throws Exception {
    router =
        routerFor.apply(
            new Dialplan(
                extensionsOnly.callerIdNames(),
                extensionsOnly.locations(),
                extensionsOnly.trunks(),
                extensionsOnly.outbound(),
                extensionsOnly.inbound(),
                () -> CallPolicy.builder().maxCall(Duration.ofSeconds(1)).build()),
            MediaRelay.NONE);
    long answered = System.nanoTime();

    hangUpAnsweredCallAndSeeBothByes(() -> {}, "Maximum call duration of 1 s reached");

    long lasted = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered);
    assertTrue(lasted >= 1000, "hung up after " + lasted + " ms");
  }

  private void hangUpByAdmin() {
    try {
      live.find(live.list().get(0).key())
          .orElseThrow()
          .hangUp("Hung up by admin")
          .toCompletableFuture()
          .get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void hangUpAnsweredCallAndSeeBothByes(Runnable hangUp, String cause) throws Exception {
    registerCallee("1002");
    Seen seen = new Seen();
    var dialog = callWithCredentials("1002", "alice", "pw-a", seen);
    BlockingQueue<Request> atCaller = new LinkedBlockingQueue<>();
    dialog.listen(
        request -> {
          atCaller.add(request.message());
          request.respond(200);
        });
    SipResponse ok = seen.last();
    dialog.ack(ok);
    assertEquals(1, live.count());
    assertEquals(Disposition.ANSWERED, live.list().get(0).disposition());

    hangUp.run();

    Request toCaller = atCaller.poll(5, TimeUnit.SECONDS);
    assertNotNull(toCaller, "the caller got a BYE");
    assertEquals(Request.BYE, toCaller.getMethod());
    atCallee.poll(5, TimeUnit.SECONDS); // the INVITE
    Request toCallee = atCallee.poll(5, TimeUnit.SECONDS);
    assertNotNull(toCallee, "the callee got a BYE");
    assertEquals(Request.BYE, toCallee.getMethod());
    CallDetailRecord last = records.get(records.size() - 1);
    assertEquals(HangupSide.SYSTEM, last.hangupSide());
    assertEquals(cause, last.cause());
    assertEquals(0, live.count());
  }

  @Test
  void aPhoneBehindNatIsReachedWhereItsRegisterCameFromForTheWholeCall() throws Exception {
    calleeBehindNat = true;
    registerCallee("1002", "127.0.0.2");
    Seen seen = new Seen();

    var dialog = callWithCredentials("1002", "alice", "pw-a", seen);

    SipResponse ok = seen.last();
    assertEquals(200, ok.status());
    assertNotNull(atCallee.poll(5, TimeUnit.SECONDS), "the INVITE reached the phone");
    dialog.ack(ok);
    dialog.send(dialog.newRequest(Request.BYE), seen);
    Request bye = atCallee.poll(5, TimeUnit.SECONDS);
    assertNotNull(bye, "the BYE reached the phone through its NAT address, not its Contact");
    assertEquals(Request.BYE, bye.getMethod());
    assertEquals(200, seen.last().status());
  }

  @Test
  void withMediaAnchoredEachPhoneSeesRtpengineInsteadOfTheOther() throws Exception {
    RtpEngineDaemon daemon = RtpEngineDaemon.start();
    try (RtpEngine engine = RtpEngine.open(new RtpEngineSettings(daemon.ngAddress()))) {
      router = routerFor.apply(extensionsOnly, MediaRelay.through(engine));
      registerCallee("1002");
      Seen seen = new Seen();

      var dialog = callWithCredentials("1002", "alice", "pw-a", seen);

      SipResponse ok = seen.last();
      assertEquals(200, ok.status());
      String offered = new String(atCallee.poll(5, TimeUnit.SECONDS).getRawContent(), UTF_8);
      String answered = new String(ok.message().getRawContent(), UTF_8);
      assertTrue(offered.contains("m=audio "), offered);
      assertTrue(answered.contains("m=audio "), answered);
      assertFalse(offered.contains("m=audio 4000 "), "the caller's port is hidden: " + offered);
      assertFalse(answered.contains("m=audio 5000 "), "the callee's port is hidden: " + answered);
      dialog.ack(ok);
      dialog.send(dialog.newRequest(Request.BYE), seen);
      SipResponse byeAnswer = seen.last();
      assertEquals(200, byeAnswer.status(), byeAnswer.message().toString() + atCallee);
    } finally {
      daemon.stop();
    }
  }

  @Test
  void anOutsideNumberGoesThroughTheRoutesNextTrunkWhenTheFirstFailsAndAnswersItsChallenge()
      throws Exception {
    try (Provider failing = new Provider("127.0.0.2", false);
        Provider answering = new Provider("127.0.0.3", true)) {
      router = routerFor.apply(dialplanWith(failing, answering), MediaRelay.NONE);
      Seen seen = new Seen();

      var dialog = callWithCredentials("900493012345", "alice", "pw-a", seen);

      SipResponse ok = seen.last();
      assertEquals(200, ok.status());
      assertEquals(1, failing.invites.size(), "the first trunk was tried once and failed");
      Request challenged = answering.invites.get(0);
      Request authorized = answering.invites.get(1);
      assertEquals("00493012345", ((SipURI) authorized.getRequestURI()).getUser(), "strip 1");
      assertEquals(null, challenged.getHeader(ProxyAuthorizationHeader.NAME));
      ProxyAuthorizationHeader credentials =
          (ProxyAuthorizationHeader) authorized.getHeader(ProxyAuthorizationHeader.NAME);
      assertEquals("acct-b", credentials.getUsername());
      FromHeader from = (FromHeader) authorized.getHeader(FromHeader.NAME);
      assertEquals("4930999", ((SipURI) from.getAddress().getURI()).getUser(), "route caller ID");
      dialog.ack(ok);
      dialog.send(dialog.newRequest(Request.BYE), seen);
      assertEquals(200, seen.last().status());
      CallDetailRecord last = records.get(records.size() - 1);
      assertEquals("Out", last.parties().route());
      assertEquals("B", last.parties().trunk());
      assertEquals("900493012345", last.parties().dialled());
      assertEquals("00493012345", last.parties().callee());
      assertEquals(Disposition.ANSWERED, last.disposition());
    }
  }

  @Test
  void aCallFromAProviderRingsTheExtensionItsInboundRouteNames() throws Exception {
    try (Provider provider = new Provider("127.0.0.2", true);
        Provider unused = new Provider("127.0.0.3", true)) {
      router = routerFor.apply(dialplanWith(provider, unused), MediaRelay.NONE);
      registerCallee("1002");
      Seen seen = new Seen();
      SipClient client = provider.container.client();
      SipURI did = client.addressFactory().createSipURI("4930111", "127.0.0.1");
      did.setPort(pbx.config().port());
      Request invite =
          client.newRequest(
              Request.INVITE,
              did,
              client.addressFactory().createAddress("\"Caller\" <sip:+4915550@127.0.0.2>"),
              client.addressFactory().createAddress("<sip:4930111@127.0.0.1>"));
      invite.setContent(
          CALLER_SDP, client.headerFactory().createContentTypeHeader("application", "sdp"));

      var dialog = client.invite(invite, seen);

      SipResponse ok = seen.last();
      assertEquals(200, ok.status(), "no credentials asked of a trunk");
      Request rung = atCallee.poll(5, TimeUnit.SECONDS);
      FromHeader from = (FromHeader) rung.getHeader(FromHeader.NAME);
      assertEquals("+4915550", ((SipURI) from.getAddress().getURI()).getUser());
      dialog.ack(ok);
      dialog.send(dialog.newRequest(Request.BYE), seen);
      assertEquals(200, seen.last().status());
      CallDetailRecord last = records.get(records.size() - 1);
      assertEquals("A", last.parties().trunk());
      assertEquals("In", last.parties().route());
      assertEquals("1002", last.parties().callee());
    }
  }

  @Test
  void aCallPassesOverATrunkAtItsConcurrentCallLimitAndWithEveryTrunkFullGets503()
      throws Exception {
    try (Provider first = new Provider("127.0.0.2", true, false);
        Provider second = new Provider("127.0.0.3", true, false)) {
      router = routerFor.apply(dialplanWith(first, second, 1), MediaRelay.NONE);

      Seen one = new Seen();
      var onA = callWithCredentials("900493012345", "alice", "pw-a", one);
      SipResponse answeredOnA = one.last();
      onA.ack(answeredOnA);
      Seen two = new Seen();
      var onB = callWithCredentials("900493012346", "alice", "pw-a", two);
      onB.ack(two.last());
      Seen three = new Seen();
      callWithCredentials("900493012347", "alice", "pw-a", three);

      assertEquals(200, answeredOnA.status());
      assertEquals(1, first.invites.size(), "A carried the first call");
      assertEquals(1, second.invites.size(), "B, the second: A was full");
      assertEquals(503, three.last().status(), "both full");
      SecurityEvent denied = refusals.get(0);
      assertEquals(EventType.CALL_DENIED, denied.type());
      assertTrue(denied.detail().startsWith("Trunk concurrent calls: "), denied.detail());
      CallDetailRecord refused = records.get(records.size() - 1);
      assertEquals(HangupSide.SYSTEM, refused.hangupSide());
      assertEquals("Every trunk of the route is at its maximum concurrent calls", refused.cause());

      onA.send(onA.newRequest(Request.BYE), one);
      assertEquals(200, one.last().status());
      Seen four = new Seen();
      callWithCredentials("900493012348", "alice", "pw-a", four);
      assertEquals(200, four.last().status(), "the channel A freed is taken again");
      assertEquals(2, first.invites.size());
    }
  }

  @Test
  void aRouteWithAPinAnswersTheCallerAndPutsItThroughOnceTheRightPinIsKeyed() throws Exception {
    try (DtmfEvents keys = DtmfEvents.listen(new InetSocketAddress("127.0.0.1", 0));
        DatagramSocket phoneMedia = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        Provider provider = new Provider("127.0.0.2", true, false);
        Provider unused = new Provider("127.0.0.3", true, false)) {
      RtpEngineDaemon daemon = RtpEngineDaemon.start(keys.address());
      try (RtpEngine engine = RtpEngine.open(new RtpEngineSettings(daemon.ngAddress()))) {
        router = routerFor.apply(pinRoute(provider, unused), MediaRelay.through(engine, keys));
        Seen seen = new Seen();

        var dialog =
            callWithCredentials(
                "900493012345", "alice", "pw-a", seen, sdpWithEvents(phoneMedia.getLocalPort()));
        SipResponse ok = seen.last();
        dialog.ack(ok);
        String answer = new String(ok.message().getRawContent(), UTF_8);

        assertEquals(200, ok.status(), "Bulwark answers to ask for the PIN");
        assertTrue(provider.invites.isEmpty(), "no trunk before the PIN");
        assertTrue(answer.contains("telephone-event"), answer);
        assertTrue(
            answer.contains("a=sendrecv") && !answer.contains("0.0.0.0"),
            "a call, not a hold: the caller may send its keys: " + answer);
        int relayPort = Integer.parseInt(answer.replaceAll("(?s).*m=audio (\\d+).*", "$1"));
        for (char key : "4321".toCharArray()) {
          sendEvent(phoneMedia, relayPort, key);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (provider.invites.isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertEquals(
            1, provider.invites.size(), "the right PIN, as RFC 4733 events, rang the trunk");
        dialog.send(dialog.newRequest(Request.BYE), seen);
        assertEquals(200, seen.last().status());
        CallDetailRecord last = records.get(records.size() - 1);
        assertEquals("4321", last.parties().pin());
        assertEquals(Disposition.ANSWERED, last.disposition());
      } finally {
        daemon.stop();
      }
    }
  }

  @Test
  void threeWrongPinsByInfoEndTheCallWithAByeAndAnEventEach() throws Exception {
    // Media between the phones for calls through these trunks: the PIN is asked through the relay
    // all the same.
    trunksAnchorMedia = false;
    try (DtmfEvents keys = DtmfEvents.listen(new InetSocketAddress("127.0.0.1", 0));
        Provider provider = new Provider("127.0.0.2", true, false);
        Provider unused = new Provider("127.0.0.3", true, false)) {
      RtpEngineDaemon daemon = RtpEngineDaemon.start(keys.address());
      try (RtpEngine engine = RtpEngine.open(new RtpEngineSettings(daemon.ngAddress()))) {
        router = routerFor.apply(pinRoute(provider, unused), MediaRelay.through(engine, keys));
        Seen seen = new Seen();
        var dialog = callWithCredentials("900493012345", "alice", "pw-a", seen);
        BlockingQueue<Request> atCaller = new LinkedBlockingQueue<>();
        dialog.listen(
            request -> {
              atCaller.add(request.message());
              request.respond(200);
            });
        SipResponse ok = seen.last();
        dialog.ack(ok);

        for (String pin : List.of("1111#", "2222#", "3333#")) {
          for (char key : pin.toCharArray()) {
            Request info = dialog.newRequest(Request.INFO);
            info.setContent(
                "Signal=" + key + "\r\nDuration=160\r\n",
                caller
                    .client()
                    .headerFactory()
                    .createContentTypeHeader("application", "dtmf-relay"));
            Seen answered = new Seen();
            dialog.send(info, answered);
            assertEquals(200, answered.last().status());
          }
        }

        Request bye = atCaller.poll(10, TimeUnit.SECONDS);
        assertNotNull(bye, "the caller got a BYE after the goodbye prompt");
        assertEquals(Request.BYE, bye.getMethod());
        assertTrue(provider.invites.isEmpty(), "no trunk was touched");
        assertEquals(
            3, refusals.stream().filter(e -> e.type() == EventType.ROUTE_PIN_FAILED).count());
        CallDetailRecord last = records.get(records.size() - 1);
        assertEquals(Disposition.FAILED, last.disposition());
        assertEquals("A wrong PIN 3 times", last.cause());
      } finally {
        daemon.stop();
      }
    }
  }

  @Test
  void aRouteWithAPinRefusesItsCallsWhenNoPromptCanBePlayed() throws Exception {
    try (Provider provider = new Provider("127.0.0.2", true, false);
        Provider unused = new Provider("127.0.0.3", true, false)) {
      router = routerFor.apply(pinRoute(provider, unused), MediaRelay.NONE);
      Seen seen = new Seen();

      callWithCredentials("900493012345", "alice", "pw-a", seen);

      assertEquals(403, seen.last().status());
      assertTrue(provider.invites.isEmpty(), "no trunk was touched");
      SecurityEvent refused = refusals.get(0);
      assertEquals(EventType.ROUTE_PIN_FAILED, refused.type());
      assertTrue(refused.detail().contains("needs the media relay"), refused.detail());
    }
  }

  /** The test's trunks, the route's PIN 4321. */
  private Dialplan pinRoute(Provider a, Provider b) {
    Dialplan plain = dialplanWith(a, b);
    OutboundRule route = plain.outbound().get().routes().get(0);
    OutboundRouting withPin =
        new OutboundRouting(
            List.of(
                new OutboundRule(
                    route.id(),
                    route.name(),
                    route.patterns(),
                    route.trunkIds(),
                    route.members(),
                    null,
                    TimeCondition.ANY_TIME,
                    new RoutePin(PinMode.SINGLE, Set.of("4321"), "route Out"))));
    return new Dialplan(
        plain.callerIdNames(),
        plain.locations(),
        plain.trunks(),
        () -> withPin,
        plain.inbound(),
        () -> CallPolicy.builder().build());
  }

  /** A phone's offer with telephone-event, its media on {@code port}. */
  private static String sdpWithEvents(int port) {
    return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + port
        + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
        + "a=fmtp:101 0-15\r\n";
  }

  private int rtpSequence;

  /** One key as RFC 4733 events: three updates, then the end three times, as phones send it. */
  private void sendEvent(DatagramSocket from, int to, char key) throws Exception {
    int event = "0123456789*#".indexOf(key);
    long timestamp = 160L * (rtpSequence + 1000);
    for (int i = 0; i < 6; i++) {
      boolean end = i >= 3;
      int duration = 160 * Math.min(i + 1, 4);
      byte[] packet = new byte[16];
      packet[0] = (byte) 0x80;
      packet[1] = (byte) ((i == 0 ? 0x80 : 0) | 101);
      int sequence = rtpSequence++;
      packet[2] = (byte) (sequence >> 8);
      packet[3] = (byte) sequence;
      for (int b = 0; b < 4; b++) {
        packet[4 + b] = (byte) (timestamp >> (24 - 8 * b));
        packet[8 + b] = (byte) (0x12345678 >> (24 - 8 * b));
      }
      packet[12] = (byte) event;
      packet[13] = (byte) ((end ? 0x80 : 0) | 10);
      packet[14] = (byte) (duration >> 8);
      packet[15] = (byte) duration;
      from.send(
          new java.net.DatagramPacket(
              packet, packet.length, InetAddress.getByName("127.0.0.1"), to));
      Thread.sleep(20);
    }
    Thread.sleep(60);
  }

  /** Trunk A to the first provider, B (with credentials) to the second; one route each way. */
  private Dialplan dialplanWith(Provider a, Provider b) {
    return dialplanWith(a, b, null);
  }

  /** The same, each trunk carrying at most {@code maxCalls} calls (null: no limit). */
  private Dialplan dialplanWith(Provider a, Provider b, Integer maxCalls) {
    TrunkProfile trunkA = trunk(1, "A", a, null, maxCalls);
    TrunkProfile trunkB =
        trunk(2, "B", b, new TrunkCredentials("acct-b", "acct-b", "pw-b"), maxCalls);
    Trunks trunks =
        Trunks.of(
            List.of(trunkA, trunkB),
            host -> {
              try {
                return List.of(InetAddress.getByName(host));
              } catch (java.net.UnknownHostException e) {
                return List.of();
              }
            });
    OutboundRouting outbound =
        new OutboundRouting(
            List.of(
                new OutboundRule(
                    1,
                    "Out",
                    List.of(DialPattern.parse("9.", 1, "")),
                    List.of(1L, 2L),
                    Set.of("1001"),
                    "4930999",
                    TimeCondition.ANY_TIME,
                    RoutePin.NONE)));
    InboundRouting inbound =
        new InboundRouting(
            List.of(new InboundRule(1, "In", DialPattern.parse("4930111"), null, "1002")));
    return new Dialplan(
        number -> Optional.ofNullable(callerIds.get(number)),
        locations,
        () -> trunks,
        () -> outbound,
        () -> inbound,
        CallPolicy::routesOnly);
  }

  /** Whether the test's trunks ask for their media through the relay. */
  private boolean trunksAnchorMedia = true;

  private TrunkProfile trunk(
      long id, String name, Provider provider, TrunkCredentials credentials, Integer maxCalls) {
    return new TrunkProfile(
        id,
        name,
        credentials == null ? TrunkKind.PEER : TrunkKind.REGISTER,
        new HostPort(provider.container.config().host(), provider.container.config().port()),
        Transport.UDP,
        null,
        null,
        credentials,
        300,
        null,
        null,
        maxCalls,
        true,
        trunksAnchorMedia);
  }

  /**
   * A provider on its own loopback address: it refuses every INVITE with 503, or (when it {@code
   * challenges}) challenges the first from the route's caller ID with 407 and answers the one with
   * credentials, or answers each.
   */
  private static final class Provider implements AutoCloseable {
    final List<Request> invites = new CopyOnWriteArrayList<>();
    final SipContainer container;

    Provider(String address, boolean answers) throws Exception {
      this(address, answers, true);
    }

    Provider(String address, boolean answers, boolean challenges) throws Exception {
      container =
          SipContainer.builder(config(address, "provider-" + address))
              .handle(
                  "INVITE",
                  r -> {
                    invites.add(r.message());
                    if (!answers) {
                      r.respond(503);
                    } else if (challenges
                        && r.message().getHeader(ProxyAuthorizationHeader.NAME) == null
                        && r.message().getHeader(FromHeader.NAME).toString().contains("4930999")) {
                      r.respond(
                          407,
                          challenge -> {
                            try {
                              challenge.setHeader(
                                  r.headerFactory()
                                      .createHeader(
                                          "Proxy-Authenticate",
                                          "Digest realm=\"prov\", nonce=\"abc\", qop=\"auth\""));
                            } catch (java.text.ParseException e) {
                              throw new IllegalStateException(e);
                            }
                          });
                    } else {
                      r.dialog().listen(request -> request.respond(200));
                      r.respond(
                          200,
                          ok -> {
                            try {
                              ok.setContent(
                                  CALLEE_SDP,
                                  r.headerFactory().createContentTypeHeader("application", "sdp"));
                            } catch (java.text.ParseException e) {
                              throw new IllegalStateException(e);
                            }
                          });
                    }
                  })
              .start();
    }

    @Override
    public void close() {
      container.close();
    }
  }

  @Test
  void aWrongPasswordIs403AndAnEvent() throws Exception {
    registerCallee("1002");
    Seen seen = new Seen();

    callWithCredentials("1002", "alice", "guess", seen);

    assertEquals(403, seen.last().status());
    assertEquals(1, refusals.size());
    assertEquals(EventType.CALL_REJECTED, refusals.get(0).type());
    assertTrue(atCallee.isEmpty(), "the callee never rang");
  }

  @Test
  void aCallerNoRouteListsOrABlockedNumberGets403AndACallDeniedEvent() throws Exception {
    try (Provider provider = new Provider("127.0.0.2", true)) {
      Dialplan routes = dialplanWith(provider, provider);
      router =
          routerFor.apply(
              new Dialplan(
                  routes.callerIdNames(),
                  routes.locations(),
                  routes.trunks(),
                  routes.outbound(),
                  routes.inbound(),
                  () ->
                      CallPolicy.builder()
                          .blockedNumbers(List.of(DialPattern.parse("900900.")))
                          .build()),
              MediaRelay.NONE);

      Seen notListed = new Seen();
      callWithCredentials("900493012345", "bob", "pw-b", notListed);
      Seen blocked = new Seen();
      callWithCredentials("9009001234", "alice", "pw-a", blocked);

      assertEquals(403, notListed.last().status(), "bob is no member of the route");
      assertEquals(403, blocked.last().status(), "alice dialled a blocked number");
      assertTrue(provider.invites.isEmpty(), "no trunk was touched");
      // Each call's event names its caller; the two are not ordered by when the calls were made.
      Map<String, String> denials =
          refusals.stream()
              .filter(e -> e.type() == EventType.CALL_DENIED)
              .collect(Collectors.toMap(SecurityEvent::identity, SecurityEvent::detail));
      assertEquals(2, refusals.size(), refusals.toString());
      assertTrue(denials.get("1002").startsWith("Outbound route permission: "), denials.toString());
      assertTrue(denials.get("1001").startsWith("Blocked numbers: "), denials.toString());
      assertEquals(Disposition.FAILED, records.get(0).disposition());
    }
  }

  @Test
  void aNumberThatIsNoExtensionIs404AndAnExtensionWithoutPhoneIs480() throws Exception {
    Seen unknown = new Seen();
    callWithCredentials("4711", "alice", "pw-a", unknown);
    assertEquals(404, unknown.last().status());

    Seen unregistered = new Seen();
    callWithCredentials("1003", "alice", "pw-a", unregistered);
    assertEquals(480, unregistered.last().status());

    assertEquals(2, records.size(), "each refused call has its record");
    assertEquals(Disposition.FAILED, records.get(0).disposition());
    assertEquals("4711", records.get(0).parties().dialled());
    assertEquals(Disposition.NO_ANSWER, records.get(1).disposition());
    assertEquals(HangupSide.SYSTEM, records.get(1).hangupSide());
  }

  /** INVITE, the 407, then the INVITE again with credentials computed as a phone would. */
  private io.bulwark.sip.SipDialog callWithCredentials(
      String number, String user, String password, Seen seen) throws Exception {
    return callWithCredentials(number, user, password, seen, CALLER_SDP);
  }

  private io.bulwark.sip.SipDialog callWithCredentials(
      String number, String user, String password, Seen seen, String offer) throws Exception {
    SipClient client = caller.client();
    SipURI target = client.addressFactory().createSipURI(number, "127.0.0.1");
    target.setPort(pbx.config().port());
    Request invite =
        client.newRequest(
            Request.INVITE,
            target,
            client.addressFactory().createAddress("\"Forged\" <sip:9999@127.0.0.1>"),
            client.addressFactory().createAddress("<sip:" + number + "@127.0.0.1>"));
    invite.setContent(offer, client.headerFactory().createContentTypeHeader("application", "sdp"));
    if (callerContact != null) {
      invite.setHeader(client.headerFactory().createHeader("Contact", callerContact));
    }
    Request retry = (Request) invite.clone();

    Seen challenge = new Seen();
    client.invite(invite, challenge);
    SipResponse required = challenge.last();
    assertEquals(407, required.status());
    ProxyAuthenticateHeader asked =
        (ProxyAuthenticateHeader) required.message().getHeader(ProxyAuthenticateHeader.NAME);

    String uri = target.toString();
    String ha1 = SipCredentials.md5Hex(user + ":" + REALM + ":" + password);
    String ha2 = SipCredentials.md5Hex("INVITE:" + uri);
    String response =
        SipCredentials.md5Hex(ha1 + ":" + asked.getNonce() + ":00000001:c0ffee:auth:" + ha2);
    ProxyAuthorizationHeader answer =
        client.headerFactory().createProxyAuthorizationHeader("Digest");
    answer.setUsername(user);
    answer.setRealm(REALM);
    answer.setNonce(asked.getNonce());
    answer.setURI(target);
    answer.setResponse(response);
    answer.setAlgorithm("MD5");
    answer.setQop("auth");
    answer.setNonceCount(1);
    answer.setCNonce("c0ffee");
    retry.setHeader(answer);
    ((CSeqHeader) retry.getHeader(CSeqHeader.NAME)).setSeqNumber(2);
    retry.removeHeader(ViaHeader.NAME);
    return client.invite(retry, seen);
  }

  private void registerCallee(String number) {
    registerCallee(number, "127.0.0.1");
  }

  /** A binding whose Contact names {@code contactHost} while its REGISTER came from loopback. */
  private void registerCallee(String number, String contactHost) {
    String contact = "sip:" + number + "@" + contactHost + ":" + callee.config().port();
    locations.register(
        new RegisterRequest(
            number,
            List.of(new RegisterRequest.ContactExpiry(contact, 3600)),
            false,
            null,
            "reg-" + number,
            1,
            "127.0.0.1",
            callee.config().port(),
            "UDP",
            "test phone"),
        1);
  }

  private static final class Seen implements ResponseHandler {
    final BlockingQueue<SipResponse> responses = new LinkedBlockingQueue<>();

    @Override
    public void onResponse(SipResponse response) {
      responses.add(response);
    }

    @Override
    public void onTimeout() {}

    SipResponse last() throws InterruptedException {
      while (true) {
        SipResponse response = responses.poll(5, TimeUnit.SECONDS);
        assertNotNull(response, "no final response within 5 s");
        if (response.isFinal()) {
          return response;
        }
      }
    }
  }

  private static String sdp(int port) {
    return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + port
        + " RTP/AVP 0\r\n";
  }

  private static SipContainerConfig config(String name) throws Exception {
    return config("127.0.0.1", name);
  }

  private static SipContainerConfig config(String address, String name) throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(address))) {
      return new SipContainerConfig(address, probe.getLocalPort(), Set.of("udp"), name);
    }
  }
}
