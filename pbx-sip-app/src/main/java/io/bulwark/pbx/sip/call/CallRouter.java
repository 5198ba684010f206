package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.activity.SipActivity;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.sip.registrar.DigestChallenge;
import io.bulwark.pbx.sip.registrar.DigestVerifier;
import io.bulwark.sip.B2buaHelper;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipRequest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers an INVITE from an extension: the caller proves who it is with digest credentials (407,
 * the registrar's realm, nonces and replay rules; challenges and refusals are stateless, so that a
 * flood of INVITEs costs no memory, and only an authenticated INVITE gets a server transaction),
 * the dialled number must be an extension (404) with a registered phone (480), and then a {@link
 * Call} rings every phone of the callee. What the callee sees as the caller is the authenticated
 * extension's number and caller ID name, whatever the caller wrote in its From.
 */
public final class CallRouter {

  private final DigestVerifier verifier;
  private final DigestChallenge challenges;
  private final Function<String, Optional<SipCredentials>> credentials;
  private final Function<String, Optional<String>> callerIdNames;
  private final Locations locations;
  private final BiConsumer<SecurityEvent, String> refusals;
  private final SipActivity activity;
  private final SipClient client;
  private final B2buaHelper helper;
  private final Clock clock;

  /**
   * @param credentials the credentials of a registration name
   * @param callerIdNames the caller ID name of an extension number, absent for a non-extension
   * @param refusals where refused calls are reported, as the registrar reports its refusals
   */
  public CallRouter(
      DigestVerifier verifier,
      DigestChallenge challenges,
      Function<String, Optional<SipCredentials>> credentials,
      Function<String, Optional<String>> callerIdNames,
      Locations locations,
      BiConsumer<SecurityEvent, String> refusals,
      SipActivity activity,
      SipClient client,
      Clock clock) {
    this.verifier = verifier;
    this.challenges = challenges;
    this.credentials = credentials;
    this.callerIdNames = callerIdNames;
    this.locations = locations;
    this.refusals = refusals;
    this.activity = activity;
    this.client = client;
    this.helper = new B2buaHelper(client);
    this.clock = clock;
  }

  public void handle(SipRequest invite) {
    Request message = invite.message();
    MaxForwardsHeader hops = (MaxForwardsHeader) message.getHeader(MaxForwardsHeader.NAME);
    if (hops != null && hops.getMaxForwards() == 0) {
      invite.respond(Response.TOO_MANY_HOPS);
      return;
    }
    AuthorizationHeader authorization = challenges.credentials(message);
    if (authorization == null) {
      challenges.challenge(invite, false);
      return;
    }
    DigestVerifier.Result result =
        verifier.verify(
            DigestChallenge.digestOf(authorization),
            new DigestVerifier.Request(
                message.getMethod(), message.getRequestURI().toString(), fingerprint(message)),
            credentials);
    switch (result.verdict()) {
      case STALE -> challenges.challenge(invite, true);
      case REJECTED -> refuse(invite, authorization.getUsername(), result.reason());
      case AUTHENTICATED -> {
        if (invite.enterTransaction()) {
          route(invite, result.credentials());
        }
      }
    }
  }

  private void route(SipRequest invite, SipCredentials caller) {
    String number = invite.message().getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
    if (number == null || callerIdNames.apply(number).isEmpty()) {
      invite.respond(Response.NOT_FOUND);
      return;
    }
    List<Binding> phones = locations.bindings(number);
    if (phones.isEmpty()) {
      invite.respond(Response.TEMPORARILY_UNAVAILABLE);
      return;
    }
    String callerName = callerIdNames.apply(caller.extensionNumber()).orElse("");
    new Call(invite, caller.extensionNumber(), callerName, number, phones, client, helper).start();
  }

  /** Unknown user, wrong password, replay: one answer, as the registrar gives. */
  private void refuse(SipRequest invite, String username, String reason) {
    activity.authenticationFailed();
    refusals.accept(
        new SecurityEvent(
            clock.instant(),
            EventType.CALL_REJECTED,
            invite.sourceAddress(),
            username,
            "reject",
            reason + " (" + invite.transport() + ")"),
        reason);
    invite.respond(Response.FORBIDDEN);
  }

  /** The same for every copy of one INVITE, different for another: Call-ID and CSeq. */
  private static int fingerprint(Request message) {
    CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
    CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
    return Objects.hash(callId.getCallId(), cseq.getSeqNumber());
  }
}
