package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.cdr.CallDetailRecord;
import io.bulwark.pbx.cdr.CallParties;
import io.bulwark.pbx.cdr.CallRecorder;
import io.bulwark.pbx.cdr.HangupSide;
import io.bulwark.pbx.cdr.LiveCalls;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.sip.registrar.DigestAuthentication;
import io.bulwark.pbx.sip.registrar.DigestChallenge;
import io.bulwark.sip.B2buaHelper;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipRequest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sip.address.SipURI;
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
 * extension's number and caller ID name, whatever the caller wrote in its From. Every call an
 * authenticated caller places gets a call record, those refused here too.
 */
public final class CallRouter {

  private final DigestAuthentication authentication;
  private final Function<String, Optional<String>> callerIdNames;
  private final Locations locations;
  private final SipClient client;
  private final B2buaHelper helper;
  private final CallLedger ledger;
  private final MediaRelay media;

  /**
   * @param callerIdNames the caller ID name of an extension number, absent for a non-extension
   */
  public CallRouter(
      DigestAuthentication authentication,
      Function<String, Optional<String>> callerIdNames,
      Locations locations,
      SipClient client,
      LiveCalls live,
      CallRecorder records,
      Clock clock,
      MediaRelay media) {
    this.authentication = authentication;
    this.callerIdNames = callerIdNames;
    this.locations = locations;
    this.client = client;
    this.helper = new B2buaHelper(client);
    this.ledger = new CallLedger(live, records, clock);
    this.media = media;
  }

  public void handle(SipRequest invite) {
    Request message = invite.message();
    MaxForwardsHeader hops = (MaxForwardsHeader) message.getHeader(MaxForwardsHeader.NAME);
    if (hops != null && hops.getMaxForwards() == 0) {
      invite.respond(Response.TOO_MANY_HOPS);
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
    String number = invite.message().getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
    String callerName = callerIdNames.apply(caller.extensionNumber()).orElse("");
    CallParties parties =
        CallParties.betweenExtensions(
            caller.extensionNumber(), callerName, number == null ? "" : number);
    if (number == null || callerIdNames.apply(number).isEmpty()) {
      refuse(invite, parties, Response.NOT_FOUND, "No such number");
      return;
    }
    List<Binding> phones = locations.bindings(number);
    if (phones.isEmpty()) {
      refuse(
          invite, parties, Response.TEMPORARILY_UNAVAILABLE, "The callee has no phone registered");
      return;
    }
    new Call(invite, parties, phones, client, helper, ledger, media).start();
  }

  private void refuse(SipRequest invite, CallParties parties, int status, String why) {
    var now = ledger.clock().instant();
    ledger
        .record(
            CallDetailRecord.started(ledger.newKey(), parties, now)
                .refused(now, status, HangupSide.SYSTEM, why))
        .thenRun(() -> invite.respond(status));
  }

  /** The same for every copy of one INVITE, different for another: Call-ID and CSeq. */
  private static int fingerprint(Request message) {
    CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
    CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
    return Objects.hash(callId.getCallId(), cseq.getSeqNumber());
  }
}
