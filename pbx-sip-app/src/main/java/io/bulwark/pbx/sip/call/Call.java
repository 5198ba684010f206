package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.location.Binding;
import io.bulwark.sip.B2buaHelper;
import io.bulwark.sip.ResponseHandler;
import io.bulwark.sip.SipClient;
import io.bulwark.sip.SipDialog;
import io.bulwark.sip.SipRequest;
import io.bulwark.sip.SipResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * One call from the caller's INVITE to its end: it rings every phone of the callee at once
 * (parallel forking), relays their ringing, joins the caller to the first phone that answers and
 * cancels the others; when every phone refused, the caller gets the most telling refusal (RFC 3261
 * section 16.7); a CANCEL from the caller cancels every phone and ends the INVITE with 487.
 *
 * <p>Responses of the phones arrive on several stack threads, so the call's state changes under its
 * lock.
 */
final class Call {

  private static final Logger LOG = Logger.getLogger(Call.class);

  private final SipRequest incoming;
  private final String callerNumber;
  private final String callerName;
  private final String calleeNumber;
  private final List<Binding> phones;
  private final SipClient client;
  private final B2buaHelper helper;

  private final List<SipDialog> legs = new ArrayList<>();
  private SipDialog inbound;
  private SipDialog answered;
  private SipResponse refusal;
  private int unanswered;
  private boolean ended;

  Call(
      SipRequest incoming,
      String callerNumber,
      String callerName,
      String calleeNumber,
      List<Binding> phones,
      SipClient client,
      B2buaHelper helper) {
    this.incoming = incoming;
    this.callerNumber = callerNumber;
    this.callerName = callerName;
    this.calleeNumber = calleeNumber;
    this.phones = phones;
    this.client = client;
    this.helper = helper;
  }

  void start() {
    inbound = incoming.dialog();
    inbound.listen(request -> helper.forward(request, inbound.linked()));
    String domain = ((SipURI) incoming.message().getRequestURI()).getHost();
    Address from = address(callerName, callerNumber, domain);
    Address to = address(null, calleeNumber, domain);
    synchronized (this) {
      unanswered = phones.size();
      for (Binding phone : phones) {
        Request leg = helper.newLeg(incoming, uri(phone.contactUri()), from, to);
        SipURI source = sourceBehindNat(leg, phone);
        if (source != null) {
          addRoute(leg, source);
        }
        SipDialog dialog = client.invite(leg, new Leg());
        if (dialog != null) {
          if (source != null) {
            dialog.sendThrough(source);
          }
          legs.add(dialog);
        }
      }
    }
    incoming.onCancel(this::cancelled);
  }

  /** What one phone answers. */
  private final class Leg implements ResponseHandler {
    @Override
    public void onResponse(SipResponse response) {
      if (response.status() == 100) {
        return;
      }
      if (!response.isFinal()) {
        ringing(response);
      } else if (response.isSuccess()) {
        answered(response);
      } else {
        refused(response);
      }
    }

    @Override
    public void onTimeout() {
      refused(null);
    }
  }

  private synchronized void ringing(SipResponse response) {
    if (!ended) {
      helper.relay(response, incoming);
    }
  }

  private void answered(SipResponse response) {
    SipDialog leg = response.dialog();
    leg.ack(response);
    synchronized (this) {
      if (ended) {
        // A second phone answered, or one answered as the caller gave up: it is hung up at once.
        leg.send(leg.newRequest(Request.BYE), Ignored.INSTANCE);
        return;
      }
      ended = true;
      answered = leg;
      unanswered--;
    }
    inbound.link(leg);
    leg.listen(request -> helper.forward(request, leg.linked()));
    helper.relay(response, incoming);
    cancelOthers(leg);
  }

  private void refused(SipResponse response) {
    synchronized (this) {
      unanswered--;
      if (response != null && moreTelling(response, refusal)) {
        refusal = response;
      }
      if (ended || unanswered > 0) {
        return;
      }
      ended = true;
    }
    if (refusal != null) {
      helper.relay(refusal, incoming);
    } else {
      incoming.respond(Response.REQUEST_TIMEOUT);
    }
  }

  private void cancelled() {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    incoming.respond(Response.REQUEST_TERMINATED);
    cancelOthers(null);
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

  /**
   * Where a phone behind NAT is reached, or null: when its REGISTER came from another address than
   * its Contact names, the INVITE still names the Contact but travels to that address, and so do
   * the requests of the dialog (RFC 3581's idea applied to requests, as a registrar's NAT helper
   * does).
   */
  private SipURI sourceBehindNat(Request leg, Binding phone) {
    if (!(leg.getRequestURI() instanceof SipURI contact)) {
      return null;
    }
    int contactPort = contact.getPort() > 0 ? contact.getPort() : 5060;
    if (contact.getHost().equals(phone.sourceAddress()) && contactPort == phone.sourcePort()) {
      return null;
    }
    try {
      SipURI source = client.addressFactory().createSipURI(null, phone.sourceAddress());
      source.setPort(phone.sourcePort());
      source.setLrParam();
      if (!"UDP".equalsIgnoreCase(phone.transport())) {
        source.setTransportParam(phone.transport().toLowerCase(java.util.Locale.ROOT));
      }
      return source;
    } catch (ParseException e) {
      LOG.debugf(e, "No route through %s", phone.sourceAddress());
      return null;
    }
  }

  private void addRoute(Request leg, SipURI hop) {
    try {
      RouteHeader route =
          client.headerFactory().createRouteHeader(client.addressFactory().createAddress(hop));
      leg.addFirst(route);
    } catch (javax.sip.SipException e) {
      LOG.debugf(e, "No route through %s", hop);
    }
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

  /** For BYEs whose answer does not matter. */
  private enum Ignored implements ResponseHandler {
    INSTANCE;

    @Override
    public void onResponse(SipResponse response) {}

    @Override
    public void onTimeout() {}
  }
}
