package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.location.Binding;
import io.bulwark.sip.SipClient;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import org.jboss.logging.Logger;

/**
 * Where a phone behind NAT is reached: when its request came from another address than its Contact
 * names, requests to it still name the Contact but travel to that address (RFC 3581's idea applied
 * to requests, as a registrar's NAT helper does).
 */
final class NatHop {

  private static final Logger LOG = Logger.getLogger(NatHop.class);

  private NatHop() {}

  /** The hop to {@code phone} for a request to its Contact, or null when the Contact is reached. */
  static SipURI toBinding(Request request, Binding phone, SipClient client) {
    return request.getRequestURI() instanceof SipURI contact
        ? of(contact, phone.sourceAddress(), phone.sourcePort(), phone.transport(), client)
        : null;
  }

  /** The hop to a party whose {@code contact} was seen from {@code address:port}, or null. */
  static SipURI of(SipURI contact, String address, int port, String transport, SipClient client) {
    int contactPort = contact.getPort() > 0 ? contact.getPort() : 5060;
    if (contact.getHost().equals(address) && contactPort == port) {
      return null;
    }
    try {
      SipURI source = client.addressFactory().createSipURI(null, address);
      source.setPort(port);
      source.setLrParam();
      if (!"UDP".equalsIgnoreCase(transport)) {
        source.setTransportParam(transport.toLowerCase(Locale.ROOT));
      }
      return source;
    } catch (ParseException e) {
      LOG.debugf(e, "No route through %s", address);
      return null;
    }
  }

  /** Sends {@code request} through {@code hop} first. */
  static void route(Request request, SipURI hop, SipClient client) {
    try {
      RouteHeader route =
          client.headerFactory().createRouteHeader(client.addressFactory().createAddress(hop));
      request.addFirst(route);
    } catch (SipException e) {
      LOG.debugf(e, "No route through %s", hop);
    }
  }
}
