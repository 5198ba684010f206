package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.notification.NotificationCalls;
import io.bulwark.pbx.notification.SpokenMessage;
import io.bulwark.pbx.routing.OutboundDecision;
import io.bulwark.pbx.routing.RoutePin;
import io.bulwark.pbx.trunk.TrunkProfile;
import io.bulwark.sip.B2buaHelper;
import io.bulwark.sip.ResponseHandler;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipDialog;
import io.bulwark.sip.SipRequest;
import io.bulwark.sip.SipResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * A call Bulwark places itself to speak a message, such as an event notification: to every phone of
 * an extension at once, or to an outside number through the first outbound route whose pattern
 * takes it (its trunks one after another, route members and PINs aside: no extension places it).
 * Whoever answers first hears the message through the media relay, and Bulwark hangs up once it was
 * spoken. Bulwark's own side sends nothing: its media points at the loopback discard port, as a
 * {@link SilentParty}'s does.
 */
public final class MessageCall {

  private static final Logger LOG = Logger.getLogger(MessageCall.class);
  static final Duration RING_TIME = Duration.ofSeconds(30);
  private static final Duration SILENCE_AFTER = Duration.ofSeconds(1);
  private static final String OWN_TAG = "bulwark";
  private static final String DISPLAY_NAME = "Bulwark PBX";

  /** Places message calls from Bulwark's SIP server. */
  public record Placer(
      SipClient client,
      Dialplan dialplan,
      MediaRelay relay,
      ScheduledExecutorService timer,
      String domain)
      implements NotificationCalls.Dialer {

    @Override
    public CompletionStage<Void> call(NotificationCalls.Callee callee, SpokenMessage message) {
      MessageCall call =
          new MessageCall(this, callee, message, relay.forCall(newCallId(), OWN_TAG, "127.0.0.1"));
      call.start();
      return call.done;
    }

    private static String newCallId() {
      return "notify-" + UUID.randomUUID();
    }
  }

  private final Placer placer;
  private final NotificationCalls.Callee callee;
  private final SpokenMessage message;
  private final CallMedia media;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final List<SipDialog> legs = new ArrayList<>();
  private byte[] offer;
  private Destination.Trunks route;
  private int trunkIndex;
  private int unanswered;
  private SipResponse refusal;
  private SipDialog answered;
  private ScheduledFuture<?> timeout;
  private ScheduledFuture<?> hangup;
  private boolean ended;

  private MessageCall(
      Placer placer, NotificationCalls.Callee callee, SpokenMessage message, CallMedia media) {
    this.placer = placer;
    this.callee = callee;
    this.message = message;
    this.media = media;
  }

  private void start() {
    if (!media.prompts()) {
      done.completeExceptionally(
          new IllegalStateException("calls cannot speak without the media relay (rtpengine)"));
      return;
    }
    Destination destination;
    try {
      destination = destination();
    } catch (IllegalStateException e) {
      done.completeExceptionally(e);
      return;
    }
    media
        .offer(OWN_TAG, null, ownOffer())
        .whenComplete(
            (described, failure) -> {
              if (failure != null) {
                end("the media relay refused the call: " + failure.getMessage());
              } else {
                ring(destination, described);
              }
            });
  }

  /** Where the call rings, or why it cannot. */
  private Destination destination() {
    Dialplan dialplan = placer.dialplan();
    if (!callee.outside()) {
      List<Binding> phones = dialplan.locations().bindings(callee.number());
      if (phones.isEmpty()) {
        throw new IllegalStateException(callee + " has no registered phone");
      }
      return new Destination.Phones(phones);
    }
    OutboundDecision decision =
        dialplan
            .outbound()
            .get()
            .forSystem(callee.number())
            .orElseThrow(() -> new IllegalStateException("no outbound route takes the number"));
    List<TrunkProfile> trunks = dialplan.trunks().get().usable(decision.trunkIds());
    if (trunks.isEmpty()) {
      throw new IllegalStateException(
          "outbound route " + decision.routeName() + " has no trunk that can take a call");
    }
    return new Destination.Trunks(
        trunks, decision.number(), decision.callerIdNumber(), null, RoutePin.NONE);
  }

  private synchronized void ring(Destination destination, byte[] described) {
    offer = described;
    timeout = placer.timer().schedule(this::notAnswered, RING_TIME.toSeconds(), TimeUnit.SECONDS);
    if (destination instanceof Destination.Trunks trunks) {
      route = trunks;
      tryTrunk();
    } else if (destination instanceof Destination.Phones phones) {
      ringPhones(phones.bindings());
    }
  }

  /** Under the lock: every phone of the extension at once. */
  private void ringPhones(List<Binding> phones) {
    Address from = address(DISPLAY_NAME, "bulwark");
    Address to = address(null, callee.number());
    unanswered = phones.size();
    for (Binding phone : phones) {
      Request invite;
      try {
        invite =
            placer
                .client()
                .newRequest(
                    Request.INVITE,
                    placer.client().addressFactory().createURI(phone.contactUri()),
                    from,
                    to);
      } catch (ParseException e) {
        LOG.debugf(e, "%s: a binding holds an invalid contact", callee);
        unanswered--;
        continue;
      }
      B2buaHelper.replaceBody(invite, offer);
      SipURI hop = NatHop.toBinding(invite, phone, placer.client());
      if (hop != null) {
        NatHop.route(invite, hop, placer.client());
      }
      send(invite, null, hop);
    }
    if (unanswered == 0) {
      end(callee + " has no phone that can be called");
    }
  }

  /** Under the lock: the route's trunk at {@link #trunkIndex}. */
  private void tryTrunk() {
    TrunkProfile trunk = route.trunks().get(trunkIndex);
    unanswered = 1;
    Request invite;
    try {
      invite =
          TrunkInvite.of(
              trunk,
              route,
              (target, from, to) -> placer.client().newRequest(Request.INVITE, target, from, to),
              placer.client());
    } catch (ParseException e) {
      LOG.debugf(e, "No INVITE to trunk %s", trunk.name());
      refused(null);
      return;
    }
    B2buaHelper.replaceBody(invite, offer);
    send(invite, trunk, null);
  }

  private void send(Request invite, TrunkProfile trunk, SipURI hop) {
    SipDialog dialog = placer.client().invite(invite, new Leg(invite, trunk));
    if (dialog != null) {
      if (hop != null) {
        dialog.sendThrough(hop);
      }
      legs.add(dialog);
    }
  }

  /** What one phone or trunk answers. */
  private final class Leg implements ResponseHandler {
    private final Request sent;
    private final TrunkProfile trunk;
    private boolean authenticated;

    /**
     * @param trunk the trunk the INVITE went to, null for a phone
     */
    Leg(Request sent, TrunkProfile trunk) {
      this.sent = sent;
      this.trunk = trunk;
    }

    @Override
    public void onResponse(SipResponse response) {
      if (!response.isFinal()) {
        return;
      }
      if (response.isSuccess()) {
        answered(response);
        return;
      }
      Request again =
          authenticated
              ? null
              : TrunkInvite.withCredentials(sent, response, trunk, placer.client());
      if (again == null) {
        refused(response);
        return;
      }
      authenticated = true;
      synchronized (MessageCall.this) {
        if (!ended) {
          SipDialog dialog = placer.client().invite(again, this);
          if (dialog != null) {
            legs.add(dialog);
          }
        }
      }
    }

    @Override
    public void onTimeout() {
      refused(null);
    }
  }

  private void answered(SipResponse response) {
    SipDialog leg = response.dialog();
    leg.ack(response);
    synchronized (this) {
      if (answered != null || ended) {
        // A second phone answered, or one answered as the ringing ended: it is hung up at once.
        leg.bye();
        return;
      }
      answered = leg;
      timeout.cancel(false);
    }
    cancelOthers(leg);
    leg.listen(this::fromPhone);
    String phoneTag = ((ToHeader) response.message().getHeader(ToHeader.NAME)).getTag();
    media
        .answer(OWN_TAG, phoneTag, response.message().getRawContent())
        .thenRun(() -> speak(phoneTag, 0))
        .exceptionally(
            failure -> {
              hangUp("the media relay did not take the answer: " + failure.getMessage());
              return null;
            });
  }

  /** Plays clip {@code index}, the next one once it was spoken, and hangs up after the last. */
  private void speak(String phoneTag, int index) {
    synchronized (this) {
      if (ended) {
        return;
      }
      if (index == message.clips().size()) {
        hangup =
            placer
                .timer()
                .schedule(() -> hangUp(null), SILENCE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
    }
    SpokenMessage.Clip clip = message.clips().get(index);
    media
        .play(phoneTag, clip.wav())
        .whenComplete(
            (played, failure) -> {
              if (failure != null) {
                hangUp("the media relay did not play the message: " + failure.getMessage());
                return;
              }
              synchronized (this) {
                if (!ended) {
                  hangup =
                      placer
                          .timer()
                          .schedule(
                              () -> speak(phoneTag, index + 1),
                              clip.length().toMillis(),
                              TimeUnit.MILLISECONDS);
                }
              }
            });
  }

  /**
   * The phone hung up first; a new offer (hold, another codec) is refused, the message plays on as
   * it is; a keep-alive or INFO is acknowledged.
   */
  private void fromPhone(SipRequest request) {
    if (Request.INVITE.equals(request.method()) || Request.UPDATE.equals(request.method())) {
      request.respond(Response.NOT_ACCEPTABLE_HERE);
      return;
    }
    if (!Request.BYE.equals(request.method())) {
      request.respond(Response.OK);
      return;
    }
    request.respond(Response.OK);
    synchronized (this) {
      if (hangup != null) {
        hangup.cancel(false);
      }
    }
    end(null);
  }

  /** Bulwark ends the answered call: done when {@code why} is null, else failed for it. */
  private void hangUp(String why) {
    SipDialog leg;
    synchronized (this) {
      if (ended) {
        return;
      }
      leg = answered;
    }
    leg.bye();
    end(why);
  }

  /** Once: the relay frees the call's media; done when {@code why} is null, else failed for it. */
  private void end(String why) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    media.release();
    if (why == null) {
      done.complete(null);
    } else {
      done.completeExceptionally(new IllegalStateException(why));
    }
  }

  private void refused(SipResponse response) {
    synchronized (this) {
      if (answered != null || ended) {
        return;
      }
      if (response != null && (refusal == null || response.status() == Response.BUSY_HERE)) {
        refusal = response;
      }
      if (--unanswered > 0) {
        return;
      }
      if (route != null && trunkIndex + 1 < route.trunks().size()) {
        trunkIndex++;
        tryTrunk();
        return;
      }
      timeout.cancel(false);
    }
    end(
        refusal == null
            ? callee + " did not answer the call"
            : callee + " refused the call: " + refusal.statusLine());
  }

  private void notAnswered() {
    synchronized (this) {
      if (answered != null || ended) {
        return;
      }
    }
    cancelOthers(null);
    end(callee + " did not answer within " + RING_TIME.toSeconds() + " s");
  }

  private void cancelOthers(SipDialog keep) {
    List<SipDialog> others;
    synchronized (this) {
      others = new ArrayList<>(legs);
    }
    for (SipDialog leg : others) {
      if (leg != keep) {
        leg.cancel();
      }
    }
  }

  private Address address(String displayName, String user) {
    try {
      AddressFactory addresses = placer.client().addressFactory();
      Address address = addresses.createAddress(addresses.createSipURI(user, placer.domain()));
      if (displayName != null) {
        address.setDisplayName(displayName);
      }
      return address;
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Bulwark's side of the call: G.711 both ways and telephone-event, media pointed at the loopback
   * discard port, where what the phone says is dropped.
   */
  private static byte[] ownOffer() {
    long session = System.currentTimeMillis();
    return ("v=0\r\n"
            + "o=bulwark "
            + session
            + " "
            + session
            + " IN IP4 127.0.0.1\r\n"
            + "s=Bulwark PBX\r\n"
            + "c=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\n"
            + "m=audio 9 RTP/AVP 0 8 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-16\r\n"
            + "a=sendrecv\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
