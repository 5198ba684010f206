package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.cdr.CallDetailRecord;
import io.bulwark.pbx.cdr.CallParties;
import io.bulwark.pbx.cdr.HangupSide;
import io.bulwark.pbx.cdr.LiveCall;
import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.routing.Failover;
import io.bulwark.pbx.routing.RoutePin;
import io.bulwark.pbx.trunk.TrunkProfile;
import io.bulwark.sip.B2buaHelper;
import io.bulwark.sip.ResponseHandler;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipDialog;
import io.bulwark.sip.SipRequest;
import io.bulwark.sip.SipResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * One call from the caller's INVITE to its end: it rings every phone of the callee at once
 * (parallel forking), relays their ringing, joins the caller to the first phone that answers and
 * cancels the others; when every phone refused, the caller gets the most telling refusal (RFC 3261
 * section 16.7); a CANCEL from the caller cancels every phone and ends the INVITE with 487.
 *
 * <p>The call is in the live calls from its INVITE to its end, and its record is written as it
 * answers and as it ends. Whoever ends it (a party's BYE, the callee's refusal, the caller's
 * CANCEL, or the server's {@link #hangUp}) learns that it ended only once its record is durable, so
 * no call that ended is missing from the call log after a crash.
 *
 * <p>An answered call is hung up by the server at its maximum duration. A call through trunks holds
 * a channel of the trunk it tries; a trunk at its maximum concurrent calls is passed over for the
 * route's next, and with no trunk free the caller gets 503.
 *
 * <p>Responses of the phones arrive on several stack threads, so the call's state changes under its
 * lock.
 */
final class Call implements LiveCall {

  private static final Logger LOG = Logger.getLogger(Call.class);

  /** Wrong PINs a caller may enter before the call is ended. */
  static final int PIN_ATTEMPTS = 3;

  static final int KEY_WAIT_SECONDS = 10;

  /** Time for the goodbye prompt before the BYE. */
  static final int GOODBYE_MILLIS = 3_000;

  private final SipRequest incoming;
  private final Destination destination;
  private final SipClient client;
  private final B2buaHelper helper;
  private final CallLedger ledger;
  private final MediaRelay relay;
  private final CallLimits limits;

  private final List<SipDialog> legs = new ArrayList<>();
  private volatile CallDetailRecord record;
  private SipDialog inbound;
  private SipDialog answered;
  private SipResponse refusal;
  private int unanswered;

  /** The caller's INVITE has its final answer, or is about to get it. */
  private boolean settled;

  private volatile CallMedia media = CallMedia.DIRECT;

  /** The offer the legs carry, kept for a trunk tried after another. */
  private byte[] offer;

  /** The trunk being tried, for a call through trunks. */
  private int trunkIndex;

  /** The trunk whose channel the call holds, null for none. */
  private TrunkProfile heldTrunk;

  /** The hang-up at the maximum duration, once answered. */
  private ScheduledFuture<?> durationLimit;

  /**
   * Bulwark answered the caller itself to ask for the route's PIN: the callee's answer is not
   * relayed, and the caller leaves with a BYE rather than a final response.
   */
  private boolean answeredByServer;

  /** The keys of the PIN being entered; null when no PIN is asked for. */
  private PinCollector collector;

  private AutoCloseable keys;
  private ScheduledFuture<?> keyWait;

  private String callerTag;
  private String calleeTag;

  /** What goes to the caller goes in the order it happened, each after its media rewrite. */
  private CompletionStage<Void> toCaller = CompletableFuture.completedFuture(null);

  Call(
      SipRequest incoming,
      CallParties parties,
      Destination destination,
      SipClient client,
      B2buaHelper helper,
      CallLedger ledger,
      MediaRelay relay,
      CallLimits limits) {
    this.incoming = incoming;
    this.relay = relay;
    this.limits = limits;
    this.destination = destination;
    this.client = client;
    this.helper = helper;
    this.ledger = ledger;
    this.record = CallDetailRecord.started(ledger.newKey(), parties, ledger.clock().instant());
  }

  @Override
  public CallDetailRecord record() {
    return record;
  }

  void start() {
    ledger.opened(this);
    inbound = incoming.dialog();
    Request invite = incoming.message();
    SipURI callerSource = callerBehindNat(invite);
    if (callerSource != null) {
      // The callee's BYE or re-INVITE reaches a caller behind NAT where its INVITE came from.
      inbound.sendThrough(callerSource);
    }
    callerTag = ((FromHeader) invite.getHeader(FromHeader.NAME)).getTag();
    inbound.listen(request -> inDialog(request, HangupSide.CALLER, inbound.linked()));
    incoming.onCancel(this::cancelled);
    byte[] offer = invite.getRawContent();
    if (destination instanceof Destination.Trunks trunks && trunks.pin().required()) {
      askForPin(trunks.pin(), offer);
      return;
    }
    if (!isSdp(invite, offer)) {
      // Without an offer in the INVITE the phones' offer and answer travel in the 200 and the ACK,
      // which the relay does not see: such a call's media goes between the phones.
      ring(offer);
      return;
    }
    synchronized (this) {
      media =
          relay.forCall(
              ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(),
              callerTag,
              incoming.sourceAddress());
    }
    media.offer(callerTag, null, offer).thenAccept(this::ring);
  }

  /**
   * Answers the caller itself (its media anchored by rtpengine, the callee's side left silent),
   * plays the PIN prompt and listens for keys: RFC 4733 events rtpengine reports, or SIP INFO.
   * Without the relay no prompt can be heard, and the call is refused.
   */
  private void askForPin(RoutePin pin, byte[] callerOffer) {
    Request invite = incoming.message();
    if (isSdp(invite, callerOffer)) {
      synchronized (this) {
        media =
            relay.forCall(
                ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(),
                callerTag,
                incoming.sourceAddress());
      }
    }
    if (!media.prompts()) {
      String why = "no PIN could be asked: that needs the media relay and an SDP offer";
      limits.pinFailed().accept(why);
      refuseUnanswered(Response.FORBIDDEN, why);
      return;
    }
    String ownTag = incoming.toTag();
    media
        .offer(callerTag, null, callerOffer)
        .thenCompose(
            calleeOffer -> {
              synchronized (this) {
                this.offer = calleeOffer;
              }
              return media.answer(callerTag, ownTag, SilentParty.answering(calleeOffer));
            })
        .thenAccept(callerAnswer -> answerForPin(pin, callerAnswer))
        .exceptionally(
            failure -> {
              LOG.debugf(failure, "No PIN prompt");
              return null;
            });
  }

  private void answerForPin(RoutePin pin, byte[] callerAnswer) {
    synchronized (this) {
      if (settled) {
        return;
      }
      answeredByServer = true;
      collector = new PinCollector(pin, PIN_ATTEMPTS);
      keys = media.onKeys(callerTag, this::pressed);
      toCaller(
          CompletableFuture.completedFuture(callerAnswer),
          body ->
              incoming.respond(
                  Response.OK,
                  ok -> {
                    try {
                      ok.setContent(
                          body,
                          client.headerFactory().createContentTypeHeader("application", "sdp"));
                    } catch (ParseException e) {
                      throw new IllegalStateException(e);
                    }
                  }));
      waitForKey();
    }
    play(Prompts.ENTER_PIN);
  }

  /** A key the caller pressed while asked for the PIN. */
  private void pressed(int key) {
    advance(collector -> collector.key((char) key));
  }

  /** Takes the collector's next step, unless the PIN is no longer asked for. */
  private void advance(Function<PinCollector, PinCollector.Outcome> step) {
    PinCollector.Outcome outcome;
    synchronized (this) {
      if (collector == null || record.isEnded()) {
        return;
      }
      outcome = step.apply(collector);
    }
    switch (outcome) {
      case MORE -> waitForKey();
      case ACCEPTED -> pinAccepted();
      case WRONG -> {
        limits.pinFailed().accept("a wrong PIN, attempts are left");
        play(Prompts.WRONG_PIN);
        waitForKey();
      }
      case EXHAUSTED -> {
        limits.pinFailed().accept("a wrong PIN " + PIN_ATTEMPTS + " times: the call is ended");
        stopListening();
        play(Prompts.GOODBYE);
        limits
            .timer()
            .schedule(
                () -> endByServer(Response.FORBIDDEN, "A wrong PIN " + PIN_ATTEMPTS + " times"),
                GOODBYE_MILLIS,
                TimeUnit.MILLISECONDS);
      }
    }
  }

  private void pinAccepted() {
    byte[] calleeOffer;
    synchronized (this) {
      record = record.withPin(collector.accepted());
      calleeOffer = offer;
    }
    stopListening();
    media.stopPlaying(callerTag);
    ring(calleeOffer);
  }

  /** The caller has {@value #KEY_WAIT_SECONDS} s to press the next key. */
  private synchronized void waitForKey() {
    if (keyWait != null) {
      keyWait.cancel(false);
    }
    keyWait =
        limits
            .timer()
            .schedule(() -> advance(PinCollector::timedOut), KEY_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** No more keys are awaited. */
  private synchronized void stopListening() {
    collector = null;
    if (keyWait != null) {
      keyWait.cancel(false);
    }
    if (keys != null) {
      try {
        // A removal from a map: no I/O under the lock.
        keys.close();
      } catch (Exception e) {
        LOG.debugf(e, "Keys still listened for");
      }
      keys = null;
    }
  }

  private void play(byte[] prompt) {
    media
        .play(callerTag, prompt)
        .exceptionally(
            failure -> {
              LOG.debugf(failure, "A prompt was not played");
              return null;
            });
  }

  /** The call ends before the caller's INVITE got a final answer: it gets {@code status}. */
  private void refuseUnanswered(int status, String why) {
    synchronized (this) {
      settled = true;
      CompletionStage<Void> recorded =
          end(record.refused(ledger.clock().instant(), status, HangupSide.SYSTEM, why));
      toCaller(nothingAfter(recorded), body -> incoming.respond(status));
    }
  }

  /** Bulwark answered the caller and ends the call before a callee answered: BYE to the caller. */
  private void endByServer(int status, String why) {
    CompletionStage<Void> recorded;
    synchronized (this) {
      if (record.isEnded()) {
        return;
      }
      settled = true;
      recorded = end(record.refused(ledger.clock().instant(), status, HangupSide.SYSTEM, why));
    }
    cancelOthers(null);
    recorded.thenRun(() -> inbound.bye());
  }

  /** Rings the destination with {@code offer}, unless the call ended meanwhile. */
  private void ring(byte[] offer) {
    synchronized (this) {
      if (settled) {
        return;
      }
      this.offer = offer;
      if (destination instanceof Destination.Phones phones) {
        unanswered = phones.bindings().size();
        ringPhones(phones.bindings());
      } else if (destination instanceof Destination.Trunks trunks) {
        unanswered = 1;
        tryTrunk(trunks);
      }
    }
  }

  /** Under the lock: every phone at once. */
  private void ringPhones(List<Binding> phones) {
    CallParties parties = record.parties();
    String domain = ((SipURI) incoming.message().getRequestURI()).getHost();
    Address from = address(parties.callerName(), parties.caller(), domain);
    Address to = address(null, parties.callee(), domain);
    for (Binding phone : phones) {
      Request leg = helper.newLeg(incoming, uri(phone.contactUri()), from, to);
      B2buaHelper.replaceBody(leg, offer);
      SipURI source = NatHop.toBinding(leg, phone, client);
      if (source != null) {
        NatHop.route(leg, source, client);
      }
      SipDialog dialog = client.invite(leg, new Leg(leg, null));
      if (dialog != null) {
        if (source != null) {
          dialog.sendThrough(source);
        }
        legs.add(dialog);
      }
    }
  }

  /**
   * Under the lock: the route's trunk at {@link #trunkIndex}, or the first after it with a free
   * channel; with none, the call is refused with 503.
   */
  private void tryTrunk(Destination.Trunks trunks) {
    TrunkProfile trunk = trunks.trunks().get(trunkIndex);
    while (!limits.trunks().take(trunk)) {
      if (trunkIndex + 1 >= trunks.trunks().size()) {
        trunksFull();
        return;
      }
      trunk = trunks.trunks().get(++trunkIndex);
    }
    heldTrunk = trunk;
    record = record.through(trunk.name());
    Request leg;
    try {
      leg =
          TrunkInvite.of(
              trunk,
              trunks,
              (target, from, to) -> helper.newLeg(incoming, target, from, to),
              client);
    } catch (ParseException e) {
      LOG.debugf(e, "No INVITE to trunk %s", trunk.name());
      refused(null);
      return;
    }
    B2buaHelper.replaceBody(leg, offer);
    SipDialog dialog = client.invite(leg, new Leg(leg, trunk));
    if (dialog != null) {
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
      // Kept only to send again with credentials, which only a trunk asks for.
      this.sent = trunk == null ? null : sent;
      this.trunk = trunk;
    }

    @Override
    public void onResponse(SipResponse response) {
      if (response.status() == 100) {
        return;
      }
      if (!response.isFinal()) {
        ringing(response);
      } else if (response.isSuccess()) {
        answered(response);
      } else if (!authenticated && answerChallenge(response)) {
        authenticated = true;
      } else {
        refused(response);
      }
    }

    @Override
    public void onTimeout() {
      refused(null);
    }

    /** A trunk's 401 or 407 gets the INVITE again, with the trunk's credentials. */
    private boolean answerChallenge(SipResponse response) {
      Request again = TrunkInvite.withCredentials(sent, response, trunk, client);
      if (again == null) {
        return false;
      }
      synchronized (Call.this) {
        if (settled) {
          return true;
        }
        SipDialog dialog = client.invite(again, this);
        if (dialog != null) {
          legs.add(dialog);
        }
      }
      return true;
    }
  }

  private synchronized void ringing(SipResponse response) {
    if (!settled && !answeredByServer) {
      toCaller(answerOf(response), body -> helper.relay(response, incoming, body));
    }
  }

  private void answered(SipResponse response) {
    SipDialog leg = response.dialog();
    leg.ack(response);
    synchronized (this) {
      if (settled) {
        // A second phone answered, or one answered as the call ended: it is hung up at once.
        leg.bye();
        return;
      }
      settled = true;
      answered = leg;
      calleeTag = toTag(response);
      unanswered--;
      record = record.answered(ledger.clock().instant());
      Duration limit = limits.maxDuration();
      durationLimit =
          limits
              .timer()
              .schedule(
                  () -> hangUp("Maximum call duration of " + limit.toSeconds() + " s reached"),
                  limit.toMillis(),
                  TimeUnit.MILLISECONDS);
      // Queued before anything can end the call, so its end is always the later record; and the
      // caller hears the 200 once the record is durable, so a crash leaves no answered call
      // without its row. Linked before too: the caller's ACK and BYE may follow within a
      // millisecond of the 200.
      CompletionStage<Void> recorded = ledger.record(record);
      inbound.link(leg);
      leg.listen(request -> inDialog(request, HangupSide.CALLEE, leg.linked()));
      if (answeredByServer) {
        // The caller has its answer since the PIN: the relay learns where the callee's media goes,
        // and keeps the caller's ports, so the caller needs no new description.
        byte[] body = response.message().getRawContent();
        if (isSdp(response.message(), body)) {
          media.answerKeepingPorts(callerTag, calleeTag, body);
        }
      } else {
        toCaller(
            recorded.thenCombine(answerOf(response), (done, body) -> body),
            body -> helper.relay(response, incoming, body));
      }
    }
    cancelOthers(leg);
  }

  private void refused(SipResponse response) {
    synchronized (this) {
      releaseTrunk();
      unanswered--;
      if (response != null && moreTelling(response, refusal)) {
        refusal = response;
      }
      if (!settled && nextTrunk(response == null ? Response.REQUEST_TIMEOUT : response.status())) {
        return;
      }
      if (settled || unanswered > 0) {
        return;
      }
      settled = true;
      int status = refusal != null ? refusal.status() : Response.REQUEST_TIMEOUT;
      String why = refusal != null ? refusal.statusLine() : "No answer from the callee's phones";
      CompletionStage<Void> recorded =
          end(record.refused(ledger.clock().instant(), status, HangupSide.CALLEE, why));
      if (answeredByServer) {
        recorded.thenRun(() -> inbound.bye());
        return;
      }
      SipResponse worst = refusal;
      toCaller(
          nothingAfter(recorded),
          body -> {
            if (worst != null) {
              helper.relay(worst, incoming);
            } else {
              incoming.respond(Response.REQUEST_TIMEOUT);
            }
          });
    }
  }

  private void cancelled() {
    CompletionStage<Void> recorded;
    synchronized (this) {
      if (settled) {
        return;
      }
      settled = true;
      recorded =
          end(
              record.refused(
                  ledger.clock().instant(),
                  Response.REQUEST_TERMINATED,
                  HangupSide.CALLER,
                  "Cancelled by the caller"));
      toCaller(nothingAfter(recorded), body -> incoming.respond(Response.REQUEST_TERMINATED));
    }
    cancelOthers(null);
  }

  /**
   * A request inside the caller's or the callee's dialog: relayed to the other party; a BYE ends
   * the call, and its answer waits for the record.
   */
  private void inDialog(SipRequest request, HangupSide from, SipDialog towards) {
    if (from == HangupSide.CALLER && beforeCallee()) {
      inServerAnsweredDialog(request);
      return;
    }
    if (!Request.BYE.equals(request.method())) {
      B2buaHelper.Bodies bodies =
          isSdp(request.message(), request.message().getRawContent())
              ? bodies(from)
              : B2buaHelper.Bodies.UNCHANGED;
      helper.forward(request, towards, CompletableFuture.completedFuture(null), bodies);
      return;
    }
    CompletionStage<Void> recorded = null;
    boolean early;
    synchronized (this) {
      early = answered == null;
      if (!early && !record.isEnded()) {
        recorded = end(record.hungUp(ledger.clock().instant(), from, "BYE"));
      }
    }
    if (recorded != null) {
      helper.forward(request, towards, recorded);
      return;
    }
    // Crossed with the server's own BYE, or a caller giving up on an early dialog (RFC 3261
    // section 15 allows it): either way the call is over, the latter as after a CANCEL.
    request.respond(Response.OK);
    if (early) {
      cancelled();
    }
  }

  /** Whether Bulwark answered the caller and no callee has yet. */
  private synchronized boolean beforeCallee() {
    return answeredByServer && answered == null;
  }

  /**
   * A request of the caller while Bulwark alone answered it: keys by SIP INFO, or the caller
   * leaving. Its media cannot change meanwhile.
   */
  private void inServerAnsweredDialog(SipRequest request) {
    switch (request.method()) {
      case Request.INFO -> {
        request.respond(Response.OK);
        InfoKeys.of(request.message()).chars().forEach(this::pressed);
      }
      case Request.BYE -> {
        request.respond(Response.OK);
        synchronized (this) {
          if (record.isEnded()) {
            return;
          }
          settled = true;
          end(
              record.refused(
                  ledger.clock().instant(),
                  Response.REQUEST_TERMINATED,
                  HangupSide.CALLER,
                  "The caller hung up before the call was put through"));
        }
        cancelOthers(null);
      }
      default -> request.respond(Response.NOT_ACCEPTABLE_HERE);
    }
  }

  @Override
  public CompletionStage<Void> hangUp(String cause) {
    if (beforeCallee()) {
      endByServer(Response.TEMPORARILY_UNAVAILABLE, cause);
      return CompletableFuture.completedFuture(null);
    }
    CompletionStage<Void> recorded;
    boolean ringing;
    synchronized (this) {
      if (record.isEnded()) {
        return CompletableFuture.completedFuture(null);
      }
      Instant now = ledger.clock().instant();
      ringing = !settled;
      settled = true;
      recorded =
          end(
              ringing
                  ? record.refused(now, Response.TEMPORARILY_UNAVAILABLE, HangupSide.SYSTEM, cause)
                  : record.hungUp(now, HangupSide.SYSTEM, cause));
    }
    if (ringing) {
      cancelOthers(null);
      synchronized (this) {
        toCaller(
            nothingAfter(recorded), body -> incoming.respond(Response.TEMPORARILY_UNAVAILABLE));
        return toCaller;
      }
    }
    return recorded.thenRun(
        () -> {
          inbound.bye();
          answered.bye();
        });
  }

  /** Under the lock: after a trunk failed (not the call), the route's next trunk is tried. */
  private boolean nextTrunk(int status) {
    if (!(destination instanceof Destination.Trunks trunks)
        || !Failover.triesNextTrunk(status)
        || trunkIndex + 1 >= trunks.trunks().size()) {
      return false;
    }
    trunkIndex++;
    unanswered++;
    tryTrunk(trunks);
    return true;
  }

  /**
   * Under the lock: every trunk of the route was at its maximum concurrent calls, or the rest after
   * one that failed: the caller gets 503.
   */
  private void trunksFull() {
    unanswered--;
    if (unanswered > 0) {
      return;
    }
    settled = true;
    limits.trunksFull().run();
    CompletionStage<Void> recorded =
        end(
            record.refused(
                ledger.clock().instant(),
                Response.SERVICE_UNAVAILABLE,
                HangupSide.SYSTEM,
                "Every trunk of the route is at its maximum concurrent calls"));
    toCaller(nothingAfter(recorded), body -> incoming.respond(Response.SERVICE_UNAVAILABLE));
  }

  /** Under the lock: the call's last record, and the stage of its writing. */
  private CompletionStage<Void> end(CallDetailRecord last) {
    record = last;
    stopListening();
    media.release();
    releaseTrunk();
    if (durationLimit != null) {
      durationLimit.cancel(false);
    }
    limits.ended().accept(last);
    return ledger.record(last);
  }

  /** Under the lock: gives back the trunk channel the call holds, if it holds one. */
  private void releaseTrunk() {
    if (heldTrunk != null) {
      limits.trunks().release(heldTrunk);
      heldTrunk = null;
    }
  }

  /**
   * Under the lock: {@code send} runs once what was sent to the caller before went and {@code
   * ready} gave the body to send. A failure is logged and does not hold up what follows.
   */
  private void toCaller(CompletionStage<byte[]> ready, Consumer<byte[]> send) {
    toCaller =
        toCaller
            .thenCombine(ready, (before, body) -> body)
            .thenAccept(send)
            .exceptionally(
                failure -> {
                  LOG.debugf(failure, "Not sent to the caller");
                  return null;
                });
  }

  private static CompletionStage<byte[]> nothingAfter(CompletionStage<Void> stage) {
    return stage.thenApply(done -> null);
  }

  /** The answer of a phone's response as the caller gets it: rewritten when media is anchored. */
  private CompletionStage<byte[]> answerOf(SipResponse response) {
    byte[] body = response.message().getRawContent();
    if (!isSdp(response.message(), body)) {
      return CompletableFuture.completedFuture(null);
    }
    return media.answer(callerTag, toTag(response), body);
  }

  /** How offers and answers inside the dialog cross, from the side {@code from}. */
  private B2buaHelper.Bodies bodies(HangupSide from) {
    String offerer = from == HangupSide.CALLER ? callerTag : calleeTag;
    String answerer = from == HangupSide.CALLER ? calleeTag : callerTag;
    return new B2buaHelper.Bodies() {
      @Override
      public CompletionStage<byte[]> request(byte[] body) {
        return media.offer(offerer, answerer, body);
      }

      @Override
      public CompletionStage<byte[]> response(SipResponse response, byte[] body) {
        return isSdp(response.message(), body)
            ? media.answer(offerer, answerer, body)
            : CompletableFuture.completedFuture(body);
      }
    };
  }

  private static boolean isSdp(javax.sip.message.Message message, byte[] body) {
    ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
    return body != null
        && body.length > 0
        && type != null
        && "application".equalsIgnoreCase(type.getContentType())
        && "sdp".equalsIgnoreCase(type.getContentSubType());
  }

  private static String toTag(SipResponse response) {
    return ((ToHeader) response.message().getHeader(ToHeader.NAME)).getTag();
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

  /** RFC 3261 16.7: a 6xx beats all; busy beats the rest; otherwise the first refusal stays. */
  private static boolean moreTelling(SipResponse candidate, SipResponse current) {
    if (current == null) {
      return true;
    }
    int rank = rank(candidate.status());
    return rank > rank(current.status());
  }

  private static int rank(int status) {
    if (status >= 600) {
      return 3;
    }
    if (status == Response.BUSY_HERE) {
      return 2;
    }
    return status == Response.REQUEST_TERMINATED ? 0 : 1;
  }

  /** Where the caller is reached behind NAT, by its INVITE's Contact and source, or null. */
  private SipURI callerBehindNat(Request invite) {
    return invite.getHeader(ContactHeader.NAME) instanceof ContactHeader contact
            && contact.getAddress().getURI() instanceof SipURI uri
        ? NatHop.of(
            uri, incoming.sourceAddress(), incoming.sourcePort(), incoming.transport(), client)
        : null;
  }

  private URI uri(String text) {
    try {
      return client.addressFactory().createURI(text);
    } catch (ParseException e) {
      throw new IllegalStateException("A binding holds an invalid contact", e);
    }
  }

  private Address address(String displayName, String user, String domain) {
    try {
      Address address =
          client.addressFactory().createAddress(client.addressFactory().createSipURI(user, domain));
      if (displayName != null && !displayName.isEmpty()) {
        address.setDisplayName(displayName);
      }
      return address;
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
