package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.callpolicy.CallAttempt;
import io.bulwark.pbx.callpolicy.CallPolicy;
import io.bulwark.pbx.callpolicy.Verdict;
import io.bulwark.pbx.cdr.CallDetailRecord;
import io.bulwark.pbx.cdr.CallParties;
import io.bulwark.pbx.cdr.CallRecorder;
import io.bulwark.pbx.cdr.HangupSide;
import io.bulwark.pbx.cdr.LiveCalls;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.routing.InboundRule;
import io.bulwark.pbx.routing.OutboundDecision;
import io.bulwark.pbx.routing.OutboundRouting;
import io.bulwark.pbx.routing.RoutePin;
import io.bulwark.pbx.sip.registrar.DigestAuthentication;
import io.bulwark.pbx.sip.registrar.DigestChallenge;
import io.bulwark.pbx.trunk.TrunkProfile;
import io.bulwark.sip.B2buaHelper;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers an INVITE. From a trunk's provider (its source address is the trunk's host or outbound
 * proxy), the inbound routes choose the extension that rings for the number called; from anyone
 * else the caller must be an extension and proves it with digest credentials (407, the registrar's
 * realm, nonces and replay rules; challenges and refusals are stateless, so that a flood of INVITEs
 * costs no memory, and only an authenticated INVITE gets a server transaction). An extension's call
 * to another extension rings its registered phones (404 for no such number, 480 for no phone); to
 * any other number, the first outbound route that takes it sends it through its trunks (404 when
 * none does), once the call policy allowed it (403 and a {@code CALL_DENIED} event naming the rule
 * when it does not, a route that does not list the caller included); with every trunk of the route
 * at its maximum concurrent calls, the caller gets 503 and the same event. What the callee sees as
 * the caller is the authenticated extension's number and caller ID name, whatever the caller wrote
 * in its From; a trunk never places a call to another trunk. Every call an authenticated caller or
 * a trunk places gets a call record, those refused here too.
 */
public final class CallRouter {

  private final DigestAuthentication authentication;
  private final Dialplan dialplan;
  private final SipClient client;
  private final B2buaHelper helper;
  private final CallLedger ledger;
  private final MediaRelay media;
  private final BiConsumer<SecurityEvent, String> denials;
  private final ScheduledExecutorService timer;
  private final TrunkLoad trunkLoad = new TrunkLoad();

  /**
   * @param denials told of each outbound call the call policy or the trunks' limits deny, with the
   *     rule that did and the caller (what makes two denials alike for the event throttle)
   * @param timer hangs calls up at their maximum duration
   */
  public CallRouter(
      DigestAuthentication authentication,
      Dialplan dialplan,
      SipClient client,
      LiveCalls live,
      CallRecorder records,
      Clock clock,
      MediaRelay media,
      BiConsumer<SecurityEvent, String> denials,
      ScheduledExecutorService timer) {
    this.authentication = authentication;
    this.dialplan = dialplan;
    this.client = client;
    this.helper = new B2buaHelper(client);
    this.ledger = new CallLedger(live, records, clock);
    this.media = media;
    this.denials = denials;
    this.timer = timer;
  }

  public void handle(SipRequest invite) {
    Request message = invite.message();
    MaxForwardsHeader hops = (MaxForwardsHeader) message.getHeader(MaxForwardsHeader.NAME);
    if (hops != null && hops.getMaxForwards() == 0) {
      invite.respond(Response.TOO_MANY_HOPS);
      return;
    }
    Optional<TrunkProfile> trunk = trunkAt(invite.sourceAddress());
    if (trunk.isPresent()) {
      if (invite.enterTransaction()) {
        inbound(invite, trunk.get());
      }
      return;
    }
    Optional<SipCredentials> caller =
        authentication.authenticate(
            invite, DigestChallenge.Kind.PROXY, EventType.CALL_REJECTED, fingerprint(message));
    if (caller.isPresent() && invite.enterTransaction()) {
      route(invite, caller.get());
    }
  }

  private void route(SipRequest invite, SipCredentials caller) {
    String number = userOf(invite.message().getRequestURI());
    String callerName = dialplan.callerIdNames().apply(caller.extensionNumber()).orElse("");
    CallParties parties =
        CallParties.betweenExtensions(
            caller.extensionNumber(), callerName, number == null ? "" : number);
    if (dialplan.isExtension(number)) {
      ringExtension(invite, parties, media, limits(caller.extensionNumber(), false, () -> {}));
      return;
    }
    OutboundRouting.Lookup found =
        number == null
            ? new OutboundRouting.Lookup(false, null)
            : dialplan.outbound().get().lookup(caller.extensionNumber(), number);
    if (!found.taken()) {
      refuse(invite, parties, Response.NOT_FOUND, "No such number");
      return;
    }
    CallAttempt attempt =
        CallAttempt.of(
            caller.extensionNumber(), number, found.decision(), ledger.clock().instant());
    CallPolicy.Judgement judged = dialplan.policy().get().decide(attempt);
    if (!judged.verdict().allowed()) {
      refuse(invite, parties, judged.verdict().status(), deny(invite, attempt, judged));
      return;
    }
    // Not null: the policy's route permission denies a call no route the caller may use takes.
    OutboundDecision chosen = found.decision();
    List<TrunkProfile> trunks = dialplan.trunks().get().usable(chosen.trunkIds());
    if (trunks.isEmpty()) {
      refuse(invite, parties, Response.NOT_FOUND, "No such number");
      return;
    }
    CallParties outbound =
        new CallParties(
            parties.caller(), callerName, number, chosen.number(), chosen.routeName(), null);
    Destination.Trunks destination =
        new Destination.Trunks(
            trunks,
            chosen.number(),
            chosen.callerIdNumber(),
            null,
            judged.verdict().challenges() ? judged.verdict().challenge() : RoutePin.NONE);
    Runnable trunksFull =
        () ->
            deny(
                invite,
                attempt,
                new CallPolicy.Judgement(
                    "Trunk concurrent calls",
                    Verdict.deny(
                        Response.SERVICE_UNAVAILABLE,
                        "Every trunk of route "
                            + chosen.routeName()
                            + " is at its maximum concurrent calls")));
    new Call(
            invite,
            outbound,
            destination,
            client,
            helper,
            ledger,
            // A route's PIN is asked through the relay, whatever its trunks say of media.
            destination.pin().required() ? media : mediaFor(trunks),
            limits(
                caller.extensionNumber(),
                true,
                trunksFull,
                why ->
                    denials.accept(
                        new SecurityEvent(
                            ledger.clock().instant(),
                            EventType.ROUTE_PIN_FAILED,
                            invite.sourceAddress(),
                            caller.extensionNumber(),
                            "deny",
                            "Route "
                                + chosen.routeName()
                                + ": "
                                + why
                                + " (dialled "
                                + number
                                + ")"),
                        "pin " + caller.extensionNumber())))
        .start();
  }

  /** A call that asks for no PIN. */
  private CallLimits limits(String caller, boolean outbound, Runnable trunksFull) {
    return limits(caller, outbound, trunksFull, why -> {});
  }

  /** An outbound call's cost is counted against its caller when it ends. */
  private CallLimits limits(
      String caller, boolean outbound, Runnable trunksFull, Consumer<String> pinFailed) {
    CallPolicy policy = dialplan.policy().get();
    return new CallLimits(
        policy.maxDuration(caller, outbound),
        timer,
        trunkLoad,
        trunksFull,
        outbound
            ? last -> {
              if (last.endedAt() != null) {
                dialplan.policy().get().spent(caller, last.billableSeconds(), last.endedAt());
              }
            }
            : last -> {},
        pinFailed);
  }

  /** Raises the event of a denied outbound call; returns why it was denied. */
  private String deny(SipRequest invite, CallAttempt attempt, CallPolicy.Judgement judged) {
    String why = judged.rule() + ": " + judged.verdict().reason();
    denials.accept(
        new SecurityEvent(
            attempt.at(),
            EventType.CALL_DENIED,
            invite.sourceAddress(),
            attempt.caller(),
            "deny",
            why + " (dialled " + attempt.dialled() + ")"),
        // Per extension: phones behind one NAT share an address, and each denied extension is
        // news. Only authenticated callers get here, so the groups stay as few as the extensions.
        judged.rule() + " " + attempt.caller());
    return why;
  }

  /** A call from a trunk: the inbound route for the number called says which extension rings. */
  private void inbound(SipRequest invite, TrunkProfile trunk) {
    Request message = invite.message();
    String did = Objects.requireNonNullElse(calledNumber(message, trunk), "");
    Address from = ((FromHeader) message.getHeader(FromHeader.NAME)).getAddress();
    String caller = Objects.requireNonNullElse(userOf(from.getURI()), "anonymous");
    Optional<InboundRule> rule = dialplan.inbound().get().route(did, caller);
    String extension = rule.map(InboundRule::destination).orElse("");
    CallParties parties =
        new CallParties(
            caller,
            from.getDisplayName(),
            did == null ? "" : did,
            extension,
            rule.map(InboundRule::name).orElse(null),
            trunk.name());
    if (rule.isEmpty() || !dialplan.isExtension(extension)) {
      refuse(invite, parties, Response.NOT_FOUND, "No inbound route for the number");
      return;
    }
    ringExtension(
        invite,
        parties,
        trunk.anchorMedia() ? media : MediaRelay.NONE,
        limits(null, false, () -> {}));
  }

  private void ringExtension(
      SipRequest invite, CallParties parties, MediaRelay relay, CallLimits limits) {
    List<Binding> phones = dialplan.locations().bindings(parties.callee());
    if (phones.isEmpty()) {
      refuse(
          invite, parties, Response.TEMPORARILY_UNAVAILABLE, "The callee has no phone registered");
      return;
    }
    new Call(invite, parties, new Destination.Phones(phones), client, helper, ledger, relay, limits)
        .start();
  }

  /** Media through the relay unless every trunk of the route says it may flow directly. */
  private MediaRelay mediaFor(List<TrunkProfile> trunks) {
    return trunks.stream().anyMatch(TrunkProfile::anchorMedia) ? media : MediaRelay.NONE;
  }

  private void refuse(SipRequest invite, CallParties parties, int status, String why) {
    var now = ledger.clock().instant();
    ledger
        .record(
            CallDetailRecord.started(ledger.newKey(), parties, now)
                .refused(now, status, HangupSide.SYSTEM, why))
        .thenRun(() -> invite.respond(status));
  }

  private Optional<TrunkProfile> trunkAt(String source) {
    try {
      // A source address is numeric: no name is looked up.
      return dialplan.trunks().get().at(InetAddress.getByName(source));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /**
   * The number a provider calls: the Request-URI's user, unless that is the account's own user name
   * (a register trunk calls the Contact it registered), then the To's.
   */
  private static String calledNumber(Request message, TrunkProfile trunk) {
    String requested = userOf(message.getRequestURI());
    if (requested != null
        && (trunk.credentials() == null || !requested.equals(trunk.credentials().username()))) {
      return requested;
    }
    return userOf(((ToHeader) message.getHeader(ToHeader.NAME)).getAddress().getURI());
  }

  private static String userOf(javax.sip.address.URI uri) {
    return uri instanceof SipURI sip ? sip.getUser() : null;
  }

  /** The same for every copy of one INVITE, different for another: Call-ID and CSeq. */
  private static int fingerprint(Request message) {
    CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
    CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
    return Objects.hash(callId.getCallId(), cseq.getSeqNumber());
  }
}
