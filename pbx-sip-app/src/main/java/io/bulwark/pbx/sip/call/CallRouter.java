package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.pbx.location.Binding;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.sip.registrar.DigestAuthentication;
import io.bulwark.pbx.sip.registrar.DigestChallenge;
import io.bulwark.sip.B2buaHelper;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipRequest;
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
 * extension's number and caller ID name, whatever the caller wrote in its From.
 */
public final class CallRouter {

  private final DigestAuthentication authentication;
  private final Function<String, Optional<String>> callerIdNames;
  private final Locations locations;
  private final SipClient client;
  private final B2buaHelper helper;

  /**
   * @param callerIdNames the caller ID name of an extension number, absent for a non-extension
   */
  public CallRouter(
      DigestAuthentication authentication,
      Function<String, Optional<String>> callerIdNames,
      Locations locations,
      SipClient client) {
    this.authentication = authentication;
    this.callerIdNames = callerIdNames;
    this.locations = locations;
    this.client = client;
    this.helper = new B2buaHelper(client);
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

  /** The same for every copy of one INVITE, different for another: Call-ID and CSeq. */
  private static int fingerprint(Request message) {
    CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
    CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
    return Objects.hash(callId.getCallId(), cseq.getSeqNumber());
  }
}
