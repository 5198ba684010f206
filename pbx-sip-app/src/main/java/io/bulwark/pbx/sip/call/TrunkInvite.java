package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.sip.trunk.ProviderChallenge;
import io.bulwark.pbx.trunk.HostPort;
import io.bulwark.pbx.trunk.Transport;
import io.bulwark.pbx.trunk.TrunkProfile;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipResponse;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.jboss.logging.Logger;

/**
 * The INVITE of an outbound call's leg to a trunk: to the number at the provider's domain, from the
 * caller ID the route or the trunk presents, sent to the provider's host (or its outbound proxy)
 * with a loose route when that is not the domain itself.
 */
final class TrunkInvite {

  private static final Logger LOG = Logger.getLogger(TrunkInvite.class);

  /** Makes the INVITE: a leg of a caller's call, or a call of Bulwark's own. */
  @FunctionalInterface
  interface NewInvite {
    Request of(SipURI target, Address from, Address to);
  }

  private TrunkInvite() {}

  static Request of(
      TrunkProfile trunk, Destination.Trunks call, NewInvite newInvite, SipClient client)
      throws ParseException {
    AddressFactory addresses = client.addressFactory();
    String domain = trunk.domain() == null ? trunk.address().host() : trunk.domain();
    SipURI target = addresses.createSipURI(call.number(), domain);
    HostPort hop = trunk.nextHop();
    boolean direct = trunk.outboundProxy() == null && domain.equalsIgnoreCase(hop.host());
    if (direct) {
      if (hop.port() != 0 && hop.port() != 5060) {
        target.setPort(hop.port());
      }
      transport(target, trunk);
    }
    Address from = addresses.createAddress(addresses.createSipURI(callerId(trunk, call), domain));
    String name = call.callerIdName() != null ? call.callerIdName() : trunk.callerIdName();
    if (name != null && !name.isBlank()) {
      from.setDisplayName(name);
    }
    Address to = addresses.createAddress(addresses.createSipURI(call.number(), domain));
    Request invite = newInvite.of(target, from, to);
    if (!direct) {
      SipURI route = addresses.createSipURI(null, hop.host());
      if (hop.port() != 0) {
        route.setPort(hop.port());
      }
      route.setLrParam();
      transport(route, trunk);
      invite.setHeader(client.headerFactory().createRouteHeader(addresses.createAddress(route)));
    }
    return invite;
  }

  /**
   * The INVITE {@code sent} to {@code trunk} again, with its credentials, for the provider's 401 or
   * 407 {@code response}; null when there is nothing to answer it with.
   */
  static Request withCredentials(
      Request sent, SipResponse response, TrunkProfile trunk, SipClient client) {
    ProviderChallenge challenge = ProviderChallenge.of(response.message());
    if (trunk == null || trunk.credentials() == null || challenge == null) {
      return null;
    }
    Request again = (Request) sent.clone();
    again.removeHeader(ViaHeader.NAME);
    CSeqHeader cseq = (CSeqHeader) again.getHeader(CSeqHeader.NAME);
    try {
      cseq.setSeqNumber(cseq.getSeqNumber() + 1);
      again.setHeader(
          challenge.answer(
              Request.INVITE,
              again.getRequestURI(),
              trunk.credentials().authName(),
              trunk.credentials().password(),
              client.headerFactory()));
      return again;
    } catch (ParseException | InvalidArgumentException | IllegalArgumentException e) {
      LOG.debugf(e, "Trunk %s: its challenge is not answered", trunk.name());
      return null;
    }
  }

  /** The route's caller ID, else the trunk's, else the account's user name. */
  private static String callerId(TrunkProfile trunk, Destination.Trunks call) {
    if (call.callerIdNumber() != null && !call.callerIdNumber().isBlank()) {
      return call.callerIdNumber();
    }
    if (trunk.callerIdNumber() != null && !trunk.callerIdNumber().isBlank()) {
      return trunk.callerIdNumber();
    }
    return trunk.credentials() != null ? trunk.credentials().username() : "anonymous";
  }

  private static void transport(SipURI uri, TrunkProfile trunk) throws ParseException {
    if (trunk.transport() != Transport.UDP) {
      uri.setTransportParam(trunk.transport().name().toLowerCase(Locale.ROOT));
    }
  }
}
