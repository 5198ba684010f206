package io.bulwark.pbx.sip.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.sip.SipContainer;
import io.bulwark.sip.SipContainerConfig;
import io.bulwark.sip.SipRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulwark registering to a provider played by a second container on loopback, which challenges
 * every REGISTER without credentials (401, realm "provider") and grants a short lifetime.
 */
class TrunkRegistrationTest {

  private static final String REALM = "provider";
  private static final String NONCE = "4f6e6365";

  private final BlockingQueue<Request> atProvider = new LinkedBlockingQueue<>();
  private final List<RegistrationState> states = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private volatile String password = "s3cret";
  private volatile int granted = 120;
  private volatile int minExpires = 0;

  private SipContainer provider;
  private SipContainer pbx;
  private TrunkRegistration registration;

  @BeforeEach
  void start() throws Exception {
    provider =
        SipContainer.builder(config("provider"))
            .handleStateless("REGISTER", this::registrar)
            .start();
    pbx = SipContainer.builder(config("pbx")).start();
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
    pbx.close();
    provider.close();
  }

  /** RFC 3261 registrar behaviour, just enough: 423 below the minimum, 401, then 200. */
  private void registrar(SipRequest request) {
    Request r = request.message();
    atProvider.add(r);
    ExpiresHeader asked = (ExpiresHeader) r.getHeader(ExpiresHeader.NAME);
    if (minExpires > 0
        && asked != null
        && asked.getExpires() > 0
        && asked.getExpires() < minExpires) {
      request.respond(423, ok -> ok.setHeader(header(request, "Min-Expires", "" + minExpires)));
      return;
    }
    AuthorizationHeader credentials = (AuthorizationHeader) r.getHeader(AuthorizationHeader.NAME);
    if (credentials == null || !valid(credentials)) {
      request.respond(
          401,
          challenge ->
              challenge.setHeader(
                  header(
                      request,
                      "WWW-Authenticate",
                      "Digest realm=\"" + REALM + "\", nonce=\"" + NONCE + "\", qop=\"auth\"")));
      return;
    }
    request.respond(
        200,
        ok -> {
          ContactHeader contact = (ContactHeader) r.getHeader(ContactHeader.NAME).clone();
          try {
            contact.setExpires(asked != null && asked.getExpires() == 0 ? 0 : granted);
          } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
          }
          ok.setHeader(contact);
        });
  }

  private boolean valid(AuthorizationHeader h) {
    String ha1 = DigestAnswer.hex("MD5", "trunkuser:" + REALM + ":" + password);
    String ha2 = DigestAnswer.hex("MD5", "REGISTER:" + h.getURI());
    String expected =
        DigestAnswer.hex(
            "MD5",
            ha1
                + ":"
                + NONCE
                + ":"
                + DigestAnswer.nc(h.getNonceCount())
                + ":"
                + h.getCNonce()
                + ":auth:"
                + ha2);
    return "trunkuser".equals(h.getUsername()) && expected.equals(h.getResponse());
  }

  @Test
  void itRegistersAfterTheChallengeWithOneCallIdAndItsUserInTheContact() throws Exception {
    register(Duration.ofSeconds(30));

    Request first = next();
    Request second = next();
    assertNotNull(second.getHeader(AuthorizationHeader.NAME));
    assertEquals(callId(first), callId(second));
    assertEquals(
        ((CSeqHeader) first.getHeader(CSeqHeader.NAME)).getSeqNumber() + 1,
        ((CSeqHeader) second.getHeader(CSeqHeader.NAME)).getSeqNumber());
    SipURI contact =
        (SipURI) ((ContactHeader) second.getHeader(ContactHeader.NAME)).getAddress().getURI();
    assertEquals("trunk-did", contact.getUser());
    RegistrationState state = awaitState(RegistrationState.Status.REGISTERED);
    assertTrue(state.expiresAt().isAfter(state.since().plusSeconds(100)));
  }

  @Test
  void itRefreshesBeforeTheGrantedLifetimeEndsAndWithdrawsAtStop() throws Exception {
    granted = 2;
    register(Duration.ofSeconds(30));
    next();
    next();
    awaitState(RegistrationState.Status.REGISTERED);

    Request refresh = atProvider.poll(3, TimeUnit.SECONDS);
    assertNotNull(refresh, "refreshed about a second after a 2 s grant");
    next(); // its answer to the challenge
    registration.stop();

    Request withdrawal = next();
    assertEquals(0, ((ExpiresHeader) withdrawal.getHeader(ExpiresHeader.NAME)).getExpires());
    assertEquals(RegistrationState.Status.STOPPED, registration.state().status());
  }

  @Test
  void aWrongPasswordFailsWithoutLoopingAndIsRetriedLater() throws Exception {
    password = "not-what-bulwark-has";
    register(Duration.ofMillis(300));

    next();
    next();
    RegistrationState failed = awaitState(RegistrationState.Status.FAILED);
    assertEquals("The provider refused the credentials", failed.detail());
    Request retried = atProvider.poll(3, TimeUnit.SECONDS);
    assertNotNull(retried, "tried again after the pause");
  }

  @Test
  void tooBriefAnIntervalIsRaisedToTheProvidersMinimum() throws Exception {
    minExpires = 300;
    register(Duration.ofSeconds(30));

    next();
    Request raised = next();
    assertEquals(300, ((ExpiresHeader) raised.getHeader(ExpiresHeader.NAME)).getExpires());
    awaitState(RegistrationState.Status.REGISTERED);
  }

  private void register(Duration firstRetry) {
    registration =
        new TrunkRegistration(
            new RegistrationTarget(
                "provider-one",
                "127.0.0.1",
                provider.config().port(),
                "udp",
                null,
                "trunk-did",
                "trunkuser",
                "s3cret",
                null,
                120),
            pbx.client(),
            timer,
            Clock.systemUTC(),
            states::add,
            firstRetry);
    registration.start();
  }

  private Request next() throws InterruptedException {
    Request request = atProvider.poll(5, TimeUnit.SECONDS);
    assertNotNull(request, "no REGISTER within 5 s");
    return request;
  }

  private RegistrationState awaitState(RegistrationState.Status wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      for (RegistrationState s : states) {
        if (s.status() == wanted) {
          return s;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("never " + wanted + ": " + states);
  }

  private static String callId(Request r) {
    return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
  }

  private static javax.sip.header.Header header(SipRequest request, String name, String value) {
    try {
      return request.headerFactory().createHeader(name, value);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SipContainerConfig config(String name) throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new SipContainerConfig("127.0.0.1", probe.getLocalPort(), Set.of("udp"), name);
    }
  }
}
