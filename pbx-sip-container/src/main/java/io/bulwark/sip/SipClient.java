package io.bulwark.sip;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.jboss.logging.Logger;

/**
 * Sends requests of the application's own: an INVITE that starts a dialog (the outgoing leg of a
 * call), or a request outside any dialog (OPTIONS, MESSAGE, a REGISTER to a trunk). Each goes in a
 * client transaction, which retransmits it over UDP and gives up after Timer B or F (RFC 3261
 * section 17.1); its responses come back to the {@link ResponseHandler} given with it.
 *
 * <p>The Via and Contact name the address this host uses towards the next hop, so that a container
 * bound to all addresses still says where it can be reached; the Via asks for rport (RFC 3581).
 */
public final class SipClient {

  private static final Logger LOG = Logger.getLogger(SipClient.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<SipProvider> providers;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final AddressFactory addresses;
  private final int retransmitMillis;

  SipClient(
      List<SipProvider> providers,
      MessageFactory messages,
      HeaderFactory headers,
      AddressFactory addresses,
      int retransmitMillis) {
    this.providers = providers;
    this.messages = messages;
    this.headers = headers;
    this.addresses = addresses;
    this.retransmitMillis = retransmitMillis;
  }

  public AddressFactory addressFactory() {
    return addresses;
  }

  public HeaderFactory headerFactory() {
    return headers;
  }

  /**
   * A request outside any dialog: a fresh Call-ID, a random From tag, CSeq 1 and Max-Forwards 70.
   * Via and Contact are added when it is sent.
   */
  public Request newRequest(String method, URI requestUri, Address from, Address to) {
    try {
      Address fromWithTag = (Address) from.clone();
      return messages.createRequest(
          requestUri,
          method,
          headers.createCallIdHeader(newCallId()),
          headers.createCSeqHeader(1L, method),
          headers.createFromHeader(fromWithTag, newTag()),
          headers.createToHeader((Address) to.clone(), null),
          List.of(),
          headers.createMaxForwardsHeader(70));
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalArgumentException("Cannot build " + method + " to " + requestUri, e);
    }
  }

  /**
   * Sends an INVITE made by {@link #newRequest}; returns its dialog, early until a 2xx confirms it.
   * The application acknowledges a 2xx with {@link SipDialog#ack}.
   */
  public SipDialog invite(Request invite, ResponseHandler handler) {
    if (!Request.INVITE.equals(invite.getMethod())) {
      throw new IllegalArgumentException("Not an INVITE: " + invite.getMethod());
    }
    return sendInTransaction(invite, handler, true);
  }

  /** Sends a request outside any dialog; its responses go to {@code handler}. */
  public void send(Request request, ResponseHandler handler) {
    sendInTransaction(request, handler, false);
  }

  /**
   * Sends a REGISTER for this host: its Contact names the address this host uses towards the
   * registrar, with {@code contactUser} as user part, so that the registrar's calls for that user
   * come here. The Contact's expires parameter is {@code expires} seconds.
   */
  public void register(Request register, String contactUser, int expires, ResponseHandler handler) {
    try {
      SipProvider provider = providerFor(register);
      SipURI contact = addresses.createSipURI(contactUser, hostTowards(register, provider));
      ListeningPoint lp = provider.getListeningPoints()[0];
      contact.setPort(lp.getPort());
      if (!"udp".equalsIgnoreCase(lp.getTransport())) {
        contact.setTransportParam(lp.getTransport().toLowerCase(Locale.ROOT));
      }
      ContactHeader header = headers.createContactHeader(addresses.createAddress(contact));
      header.setExpires(expires);
      register.setHeader(header);
    } catch (ParseException | InvalidArgumentException e) {
      LOG.debugf(e, "No Contact for the REGISTER to %s", register.getRequestURI());
      handler.onTimeout();
      return;
    }
    send(register, handler);
  }

  private SipDialog sendInTransaction(Request request, ResponseHandler handler, boolean dialog) {
    SipProvider provider = providerFor(request);
    try {
      addViaAndContact(request, provider);
      ClientTransaction transaction = provider.getNewClientTransaction(request);
      transaction.setRetransmitTimer(retransmitMillis);
      SipDialog created = null;
      if (dialog) {
        created = SipDialog.of(provider.getNewDialog(transaction), provider);
        created.sentInvite(transaction);
      }
      transaction.setApplicationData(new SipDialog.Pending(handler, created));
      transaction.sendRequest();
      return created;
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.debugf(e, "Could not send %s to %s", request.getMethod(), request.getRequestURI());
      handler.onTimeout();
      return null;
    }
  }

  private void addViaAndContact(Request request, SipProvider provider)
      throws ParseException, InvalidArgumentException {
    ListeningPoint lp = provider.getListeningPoints()[0];
    String transport = lp.getTransport().toLowerCase(Locale.ROOT);
    String host = hostTowards(request, provider);
    ViaHeader via = headers.createViaHeader(host, lp.getPort(), transport, null);
    via.setRPort();
    request.setHeader(via);
    if (request.getHeader(ContactHeader.NAME) == null) {
      SipURI contact = addresses.createSipURI(null, host);
      contact.setPort(lp.getPort());
      if (!"udp".equals(transport)) {
        contact.setTransportParam(transport);
      }
      request.setHeader(headers.createContactHeader(addresses.createAddress(contact)));
    }
  }

  private static String hostTowards(Request request, SipProvider provider) {
    return LocalAddress.towards(
        provider.getListeningPoints()[0].getIPAddress(), nextHopHost(request));
  }

  /** The transport the Request-URI (or the first Route) asks for; UDP when it names none. */
  private SipProvider providerFor(Request request) {
    SipURI hop = nextHop(request);
    String wanted =
        hop == null || hop.getTransportParam() == null
            ? "udp"
            : hop.getTransportParam().toLowerCase(Locale.ROOT);
    for (SipProvider provider : providers) {
      if (wanted.equalsIgnoreCase(provider.getListeningPoints()[0].getTransport())) {
        return provider;
      }
    }
    return providers.get(0);
  }

  private static String nextHopHost(Request request) {
    SipURI hop = nextHop(request);
    return hop == null ? null : hop.getHost();
  }

  private static SipURI nextHop(Request request) {
    RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
    URI uri = route != null ? route.getAddress().getURI() : request.getRequestURI();
    return uri instanceof SipURI sip ? sip : null;
  }

  /** 128 random bits: unique without naming a host (the stack's own would name 0.0.0.0). */
  private static String newCallId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String newTag() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
