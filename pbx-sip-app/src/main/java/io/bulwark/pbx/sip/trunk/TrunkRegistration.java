package io.bulwark.pbx.sip.trunk;

import io.bulwark.sip.ResponseHandler;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ListIterator;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Bulwark registered to one provider (RFC 3261 section 10.2): a REGISTER answered with digest
 * credentials when challenged, refreshed before the lifetime the provider granted runs out, retried
 * with a growing pause after a failure, and withdrawn (Expires 0) when the trunk is removed or SIP
 * stops. Every REGISTER of one registration shares its Call-ID, with a rising CSeq (section
 * 10.2.4), so the provider sees one binding refreshed.
 *
 * <p>Responses arrive on SIP threads and timers fire on the given scheduler; the state changes
 * under this object's lock, and each change is handed to the listener.
 */
public final class TrunkRegistration {

  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration LONGEST_RETRY = Duration.ofMinutes(10);

  private static final Logger LOG = Logger.getLogger(TrunkRegistration.class);

  private final RegistrationTarget target;
  private final SipClient client;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final Consumer<RegistrationState> listener;
  private final Duration firstRetry;

  private Request template;
  private long cseq;
  private int expires;
  private String answeredNonce;
  private Duration retry;
  private ScheduledFuture<?> next;
  private boolean withdrawing;
  private RegistrationState state;

  public TrunkRegistration(
      RegistrationTarget target,
      SipClient client,
      ScheduledExecutorService timer,
      Clock clock,
      Consumer<RegistrationState> listener) {
    this(target, client, timer, clock, listener, FIRST_RETRY);
  }

  TrunkRegistration(
      RegistrationTarget target,
      SipClient client,
      ScheduledExecutorService timer,
      Clock clock,
      Consumer<RegistrationState> listener,
      Duration firstRetry) {
    this.target = target;
    this.client = client;
    this.timer = timer;
    this.clock = clock;
    this.listener = listener;
    this.firstRetry = firstRetry;
    this.retry = firstRetry;
    this.expires = target.expirySeconds();
  }

  public synchronized RegistrationState state() {
    return state;
  }

  public synchronized void start() {
    try {
      template = newRegister();
    } catch (ParseException e) {
      change(RegistrationState.failed(clock.instant(), "The trunk's address is not valid"));
      return;
    }
    change(RegistrationState.registering(clock.instant()));
    send(null);
  }

  /** Withdraws the registration (Expires 0) when there is one; no refresh follows. */
  public synchronized void stop() {
    cancelNext();
    boolean registered = state != null && state.status() == RegistrationState.Status.REGISTERED;
    withdrawing = true;
    if (registered) {
      expires = 0;
      send(null);
    }
    change(RegistrationState.stopped(clock.instant()));
  }

  private final class Answers implements ResponseHandler {
    @Override
    public void onResponse(SipResponse response) {
      if (response.isFinal()) {
        answered(response.message());
      }
    }

    @Override
    public void onTimeout() {
      failed("No answer from the provider");
    }
  }

  private synchronized void answered(Response response) {
    int status = response.getStatusCode();
    boolean challenge =
        status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED;
    if (withdrawing && !challenge) {
      return;
    }
    if (challenge || status == Response.PROXY_AUTHENTICATION_REQUIRED) {
      challenged(response);
    } else if (status == Response.INTERVAL_TOO_BRIEF
        && response.getHeader(MinExpiresHeader.NAME) instanceof MinExpiresHeader min
        && min.getExpires() > expires) {
      expires = min.getExpires();
      send(null);
    } else if (status >= 200 && status < 300) {
      int granted = granted(response);
      Instant now = clock.instant();
      retry = firstRetry;
      change(RegistrationState.registered(now, now.plusSeconds(granted)));
      schedule(refreshAfter(granted), () -> send(null));
    } else {
      failed(status + " " + response.getReasonPhrase());
    }
  }

  private void challenged(Response response) {
    ProviderChallenge challenge = ProviderChallenge.of(response);
    if (challenge == null) {
      failed(response.getStatusCode() + " without a challenge");
      return;
    }
    if (challenge.nonce() == null
        || (challenge.nonce().equals(answeredNonce) && !challenge.stale())) {
      if (!withdrawing) {
        failed("The provider refused the credentials");
      }
      return;
    }
    answeredNonce = challenge.nonce();
    try {
      send(
          challenge.answer(
              Request.REGISTER,
              template.getRequestURI(),
              target.authName(),
              target.password(),
              client.headerFactory()));
    } catch (IllegalArgumentException | ParseException e) {
      failed("The provider's challenge cannot be answered");
    }
  }

  private void failed(String why) {
    synchronized (this) {
      if (withdrawing) {
        return;
      }
      LOG.warnf(
          "Trunk %s: registration failed (%s); retried in %d s",
          target.trunk(), why, retry.toSeconds());
      change(RegistrationState.failed(clock.instant(), why));
      answeredNonce = null;
      schedule(retry, () -> send(null));
      retry =
          retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0
              ? LONGEST_RETRY
              : retry.multipliedBy(2);
    }
  }

  /** Under the lock. */
  private void send(AuthorizationHeader credentials) {
    Request register = (Request) template.clone();
    register.removeHeader(ViaHeader.NAME);
    try {
      ((CSeqHeader) register.getHeader(CSeqHeader.NAME)).setSeqNumber(++cseq);
      register.setHeader(client.headerFactory().createExpiresHeader(expires));
    } catch (InvalidArgumentException e) {
      throw new IllegalStateException(e);
    }
    if (credentials != null) {
      register.setHeader(credentials);
    }
    if (credentials == null) {
      answeredNonce = null;
    }
    client.register(register, target.username(), expires, new Answers());
  }

  /** The lifetime the provider granted our Contact, else the Expires header, else what we asked. */
  private int granted(Response response) {
    for (ListIterator<?> it = response.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
      ContactHeader contact = (ContactHeader) it.next();
      if (contact.getAddress().getURI() instanceof SipURI uri
          && target.username().equals(uri.getUser())
          && contact.getExpires() >= 0) {
        return contact.getExpires();
      }
    }
    ExpiresHeader header = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
    return header != null ? header.getExpires() : expires;
  }

  /** A refresh well before the end: half-way for short lifetimes, a minute early for long ones. */
  static Duration refreshAfter(int grantedSeconds) {
    return Duration.ofSeconds(Math.max(1, grantedSeconds - Math.min(grantedSeconds / 2, 60)));
  }

  private void schedule(Duration after, Runnable action) {
    cancelNext();
    next =
        timer.schedule(
            () -> {
              synchronized (this) {
                if (!withdrawing) {
                  action.run();
                }
              }
            },
            after.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private void cancelNext() {
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  private void change(RegistrationState next) {
    state = next;
    listener.accept(next);
  }

  /**
   * The REGISTER every send copies: to the account's domain, through the registrar when it is
   * another host and through the outbound proxy when there is one.
   */
  private Request newRegister() throws ParseException {
    AddressFactory addresses = client.addressFactory();
    SipURI domain = addresses.createSipURI(null, target.domain());
    SipURI aor = addresses.createSipURI(target.username(), target.domain());
    Request register =
        client.newRequest(
            Request.REGISTER, domain, addresses.createAddress(aor), addresses.createAddress(aor));
    String hop = target.outboundProxy();
    if (hop == null && !target.domain().equalsIgnoreCase(target.host())) {
      hop = target.host() + ":" + target.port();
    } else if (hop == null) {
      if (target.port() != 5060) {
        domain.setPort(target.port());
      }
      if (!"udp".equals(target.transport())) {
        domain.setTransportParam(target.transport());
      }
    }
    if (hop != null) {
      register.addHeader(
          client.headerFactory().createRouteHeader(addresses.createAddress(route(hop))));
    }
    return register;
  }

  private SipURI route(String hostPort) throws ParseException {
    int colon = hostPort.lastIndexOf(':');
    SipURI uri =
        client
            .addressFactory()
            .createSipURI(null, colon > 0 ? hostPort.substring(0, colon) : hostPort);
    if (colon > 0) {
      try {
        uri.setPort(Integer.parseInt(hostPort.substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw new ParseException("Not a port: " + hostPort, colon);
      }
    }
    uri.setLrParam();
    if (!"udp".equals(target.transport())) {
      uri.setTransportParam(target.transport());
    }
    return uri;
  }
}
