package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.trunk.HostPort;
import io.bulwark.pbx.trunk.Transport;
import io.bulwark.pbx.trunk.TrunkProfile;
import io.bulwark.sip.B2buaHelper;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipRequest;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.message.Request;

/**
 * The INVITE of an outbound call's leg to a trunk: to the number at the provider's domain, from the
 * caller ID the route or the trunk presents, sent to the provider's host (or its outbound proxy)
 * with a loose route when that is not the domain itself.
 */
final class TrunkInvite {

  private TrunkInvite() {}

  static Request of(
      TrunkProfile trunk,
      Destination.Trunks call,
      SipRequest incoming,
      B2buaHelper helper,
      SipClient client)
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
    Request invite = helper.newLeg(incoming, target, from, to);
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
