package io.bulwark.sip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * A received request and the means to answer it: provisional responses, then one final response.
 * Responses other than 100 get a To tag as RFC 3261 section 8.2.6.2 requires, the same for all of
 * one request, so that an INVITE's 180 and 200 name one dialog.
 *
 * <p>Without a server transaction the answer is sent statelessly: routed by the top Via's received
 * and rport (RFC 3261 section 18.2.2, RFC 3581), not retransmitted, and nothing is kept once it is
 * sent. A retransmitted request is then simply answered again.
 */
public final class SipRequest {

  private static final Logger LOG = Logger.getLogger(SipRequest.class);
  private static final int RETRY_AFTER_SECONDS = 5;
  private static final AddressFactory ADDRESSES = new AddressFactoryImpl();

  private final Request request;
  private volatile ServerTransaction transaction;
  private final SipProvider provider;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final SipTraffic traffic;
  private final AnswersInFlight answers;
  // Read by the thread that handles the request only.
  private String userAgent;
  private boolean userAgentRead;
  private Runnable onCancel;
  private boolean cancelled;

  /** {@code transaction} is null for requests answered statelessly through {@code provider}. */
  SipRequest(
      Request request,
      ServerTransaction transaction,
      SipProvider provider,
      MessageFactory messages,
      HeaderFactory headers,
      SipTraffic traffic,
      AnswersInFlight answers) {
    this.request = request;
    this.traffic = traffic;
    this.answers = answers;
    this.transaction = transaction;
    this.provider = provider;
    this.messages = messages;
    this.headers = headers;
  }

  public Request message() {
    return request;
  }

  public String method() {
    return request.getMethod();
  }

  /** The address the request came from (the packet's source, not what the Via claims). */
  public String sourceAddress() {
    return ((SIPRequest) request).getRemoteAddress().getHostAddress();
  }

  /** {@link #sourceAddress()} as an address. */
  public InetAddress source() {
    return ((SIPRequest) request).getRemoteAddress();
  }

  /**
   * What the User-Agent header says, its parts joined by spaces; {@code null} without one. Read
   * once: the scanner check, the extension's rules and the binding all ask for it.
   */
  public String userAgent() {
    if (!userAgentRead) {
      UserAgentHeader agent = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
      if (agent != null) {
        StringBuilder text = new StringBuilder();
        Iterator<?> products = agent.getProduct(); // JAIN-SIP's raw iterator of strings
        products.forEachRemaining(p -> text.append(text.isEmpty() ? "" : " ").append(p));
        userAgent = text.toString();
      }
      userAgentRead = true;
    }
    return userAgent;
  }

  public int sourcePort() {
    return ((SIPRequest) request).getRemotePort();
  }

  /** {@code UDP} or {@code TCP}, from the top Via. */
  public String transport() {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    return via == null ? "UDP" : via.getTransport().toUpperCase(java.util.Locale.ROOT);
  }

  public HeaderFactory headerFactory() {
    return headers;
  }

  /**
   * Takes a request that arrived statelessly into a server transaction from now on, which then
   * absorbs its retransmissions and retransmits its answers: an INVITE once its caller proved who
   * it is, so that challenging a flood of unauthenticated INVITEs keeps no state. False for a copy
   * of a request whose transaction already exists, which must then be left alone.
   */
  public boolean enterTransaction() {
    if (transaction != null) {
      return true;
    }
    try {
      ServerTransaction entered = provider.getNewServerTransaction(request);
      entered.setApplicationData(this); // for a CANCEL to find it
      transaction = entered;
      return true;
    } catch (TransactionAlreadyExistsException e) {
      return false;
    } catch (TransactionUnavailableException e) {
      LOG.debugf(e, "No transaction for %s", method());
      return false;
    }
  }

  /**
   * The dialog of this request: the one it arrived in, or for an INVITE the one it starts (early
   * until a 2xx is sent). Null for a request answered statelessly.
   */
  public SipDialog dialog() {
    if (transaction == null) {
      return null;
    }
    if (transaction.getDialog() != null) {
      return SipDialog.of(transaction.getDialog(), provider);
    }
    try {
      return SipDialog.of(provider.getNewDialog(transaction), provider);
    } catch (SipException e) {
      throw new IllegalStateException("No dialog for " + method(), e);
    }
  }

  /**
   * What to do when the caller cancels this INVITE before its final answer (the CANCEL itself is
   * answered 200 by the container). Without one, the container answers the INVITE 487.
   */
  public synchronized void onCancel(Runnable action) {
    this.onCancel = action;
    if (cancelled) {
      action.run();
    }
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** The caller sent CANCEL for this request. */
  void cancel() {
    Runnable action;
    synchronized (this) {
      cancelled = true;
      action = onCancel;
    }
    if (action != null) {
      guarded(action);
    } else {
      respond(Response.REQUEST_TERMINATED);
    }
  }

  /**
   * Finishes this request on {@code executor}, for work that waits on the database or the network.
   * If the executor refuses the work, the request is answered 503 with Retry-After; if the work
   * fails, 500.
   */
  public void continueOn(Executor executor, Runnable work) {
    try {
      executor.execute(() -> guarded(work));
    } catch (RejectedExecutionException e) {
      respond(Response.SERVICE_UNAVAILABLE, this::addRetryAfter);
    }
  }

  /** Runs {@code work}, answering 500 if it fails, so that no request is left unanswered. */
  void guarded(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.errorf(e, "%s handler failed", method());
      respond(Response.SERVER_INTERNAL_ERROR);
    }
  }

  /** INVITE and UPDATE set the remote target of their dialog (RFC 3261 section 12.1.1). */
  private boolean establishesDialog() {
    String method = method();
    return Request.INVITE.equals(method) || Request.UPDATE.equals(method);
  }

  /** Our address as the request's sender reaches it, on the transport it used. */
  private void addContact(Response response) throws ParseException {
    ListeningPoint lp = provider.getListeningPoints()[0];
    String transport = lp.getTransport().toLowerCase(java.util.Locale.ROOT);
    SipURI contact =
        ADDRESSES.createSipURI(null, LocalAddress.towards(lp.getIPAddress(), sourceAddress()));
    contact.setPort(lp.getPort());
    if (!"udp".equals(transport)) {
      contact.setTransportParam(transport);
    }
    response.setHeader(headers.createContactHeader(ADDRESSES.createAddress(contact)));
  }

  private void addRetryAfter(Response response) {
    try {
      response.addHeader(headers.createRetryAfterHeader(RETRY_AFTER_SECONDS));
    } catch (InvalidArgumentException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a 2xx to an INVITE while the requests of its dialog wait (see {@link AnswersInFlight}):
   * the stack puts it on the wire before it starts to await the ACK, and the ACK or BYE it provokes
   * may otherwise be taken by a stack thread in between, whatever thread calls this.
   */
  private void sendHoldingTheDialog(Response response)
      throws SipException, InvalidArgumentException {
    String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
    String localTag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
    String remoteTag = ((FromHeader) response.getHeader(FromHeader.NAME)).getTag();
    Runnable sent = answers.sending(callId, localTag, remoteTag);
    try {
      transaction.sendResponse(response);
    } finally {
      sent.run();
    }
  }

  /** The To tag this server's responses to the request carry: its side of the dialog. */
  public String toTag() {
    return ToTag.of(request);
  }

  public void respond(int status) {
    respond(status, r -> {});
  }

  /** Sends a response built from this request; {@code customize} adds headers before sending. */
  public void respond(int status, Consumer<Response> customize) {
    try {
      Response response = messages.createResponse(status, request);
      String phrase = ReasonPhrases.of(status);
      if (phrase != null) {
        response.setReasonPhrase(phrase);
      }
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (status > 100 && to != null && to.getTag() == null) {
        to.setTag(ToTag.of(request));
      }
      if (status > 100 && status < 300 && establishesDialog()) {
        addContact(response);
      }
      customize.accept(response);
      if (transaction == null) {
        provider.sendResponse(response);
      } else if (status / 100 == 2 && Request.INVITE.equals(method())) {
        sendHoldingTheDialog(response);
      } else {
        transaction.sendResponse(response);
      }
      traffic.response(status);
    } catch (ParseException | SipException | InvalidArgumentException e) {
      LOG.debugf(e, "Could not answer %s from %s", request.getMethod(), sourceAddress());
    }
  }
}
