package io.bulwark.sip;

import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.util.Map;
import java.util.Set;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Routes what the stack delivers: a request inside a dialog to that dialog's {@link
 * DialogListener}, a CANCEL to the INVITE it cancels, any other request to its method's handler
 * once {@link RequestScreen} lets it through; a response to the {@link ResponseHandler} of the
 * client transaction that sent its request.
 */
final class Dispatcher implements SipListener {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);

  /** Methods sent only inside a dialog of an INVITE. */
  private static final Set<String> DIALOG_METHODS =
      Set.of(Request.BYE, Request.UPDATE, Request.INFO, Request.PRACK, Request.REFER);

  /** {@code stateless}: answered without a server transaction (see {@link SipRequest}). */
  record Route(SipRequestHandler handler, boolean stateless) {}

  private final Map<String, Route> routes;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final RequestScreen screen;
  private final SipTraffic traffic;
  private final AnswersInFlight answers;

  Dispatcher(
      Map<String, Route> routes,
      MessageFactory messages,
      HeaderFactory headers,
      SipTraffic traffic,
      AnswersInFlight answers) {
    this.routes = routes;
    this.traffic = traffic;
    this.answers = answers;
    this.messages = messages;
    this.headers = headers;
    this.screen = new RequestScreen(routes.keySet(), headers);
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    traffic.request(request.getMethod());
    SipProvider provider = (SipProvider) event.getSource();
    if (Request.CANCEL.equals(request.getMethod())) {
      cancel(event, provider);
      return;
    }
    Dialog dialog = event.getDialog();
    if (dialog != null && dialog.getApplicationData() instanceof SipDialog known) {
      inDialog(event, provider, known);
      return;
    }
    if (Request.ACK.equals(request.getMethod())) {
      // ACKs of our final non-2xx responses are absorbed by the transaction layer; after a
      // stateless answer there is nothing to stop.
      return;
    }
    RequestScreen.Refusal refusal = screen.check(request);
    if (refusal == null && hasToTag(request) && Request.INVITE.equals(request.getMethod())) {
      // A re-INVITE for a dialog we do not have (RFC 3261 section 12.2.2).
      refusal = new RequestScreen.Refusal(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> {});
    }
    if (refusal != null) {
      // Stateless, so that a scanner's unknown methods and malformed requests leave no transaction
      // retransmitting the refusal for 32 s. Where calls are handled, a request that only lives in
      // a dialog and names one we do not have is told so rather than that its method is not
      // allowed (section 12.2.2).
      SipRequest refused =
          new SipRequest(request, null, provider, messages, headers, traffic, answers);
      if (refusal.status() == Response.METHOD_NOT_ALLOWED
          && routes.containsKey(Request.INVITE)
          && DIALOG_METHODS.contains(request.getMethod())
          && hasToTag(request)) {
        refused.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
      } else {
        refused.respond(refusal.status(), refusal.headers());
      }
      return;
    }
    Route route = routes.get(request.getMethod());
    ServerTransaction transaction = event.getServerTransaction();
    if (transaction == null && !route.stateless()) {
      transaction = newServerTransaction(provider, request);
      if (transaction == null) {
        return;
      }
    }
    SipRequest sipRequest =
        new SipRequest(request, transaction, provider, messages, headers, traffic, answers);
    if (transaction != null) {
      transaction.setApplicationData(sipRequest); // for a CANCEL to find it
    }
    sipRequest.guarded(() -> route.handler().handle(sipRequest));
  }

  private void inDialog(RequestEvent event, SipProvider provider, SipDialog dialog) {
    Request request = event.getRequest();
    DialogListener listener = dialog.listener();
    if (Request.ACK.equals(request.getMethod())) {
      if (listener != null) {
        try {
          listener.onAck(request);
        } catch (RuntimeException e) {
          LOG.errorf(e, "ACK listener failed in dialog %s", dialog.callId());
        }
      }
      return;
    }
    ServerTransaction transaction = event.getServerTransaction();
    if (transaction == null) {
      transaction = newServerTransaction(provider, request);
      if (transaction == null) {
        return;
      }
    }
    SipRequest sipRequest =
        new SipRequest(request, transaction, provider, messages, headers, traffic, answers);
    RequestScreen.Refusal refusal = screen.checkInDialog(request);
    if (refusal != null) {
      sipRequest.respond(refusal.status(), refusal.headers());
    } else if (listener == null) {
      sipRequest.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    } else {
      transaction.setApplicationData(sipRequest);
      sipRequest.guarded(() -> listener.onRequest(sipRequest));
    }
  }

  /**
   * CANCEL (RFC 3261 section 9.2): answered 200 when it matches an INVITE still waiting for its
   * final answer, which the application then ends (487 by default); 481 when it matches nothing.
   */
  private void cancel(RequestEvent event, SipProvider provider) {
    Request request = event.getRequest();
    ServerTransaction transaction = event.getServerTransaction();
    SIPServerTransaction invite =
        transaction instanceof SIPServerTransaction st ? st.getCanceledInviteTransaction() : null;
    SipRequest cancel =
        new SipRequest(request, transaction, provider, messages, headers, traffic, answers);
    if (invite == null || !(invite.getApplicationData() instanceof SipRequest pending)) {
      cancel.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
      return;
    }
    cancel.respond(Response.OK);
    pending.cancel();
  }

  private static ServerTransaction newServerTransaction(SipProvider provider, Request request) {
    try {
      return provider.getNewServerTransaction(request);
    } catch (TransactionAlreadyExistsException e) {
      return null; // A retransmission: the transaction answers it.
    } catch (TransactionUnavailableException e) {
      LOG.debugf(e, "No transaction for %s", request.getMethod());
      return null;
    }
  }

  private static boolean hasToTag(Request request) {
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    return to != null && to.getTag() != null;
  }

  @Override
  public void processResponse(ResponseEvent event) {
    Response response = event.getResponse();
    ClientTransaction transaction = event.getClientTransaction();
    if (transaction == null) {
      // A 2xx to an INVITE again after its transaction ended: our ACK was lost (RFC 3261 section
      // 13.2.2.4). Anything else without a transaction is stray and dropped.
      Dialog dialog = event.getDialog();
      if (response.getStatusCode() / 100 == 2
          && dialog != null
          && dialog.getApplicationData() instanceof SipDialog known) {
        known.ackAgain(response);
      }
      return;
    }
    if (transaction.getApplicationData() instanceof SipDialog.Pending pending) {
      if (response.getStatusCode() < 200 && pending.dialog() != null) {
        pending.dialog().provisionalReceived();
      } else if (pending.dialog() != null) {
        pending.dialog().finalReceived();
      }
      try {
        pending.handler().onResponse(new SipResponse(response, pending.dialog()));
      } catch (RuntimeException e) {
        LOG.errorf(e, "Response handler failed for %d", response.getStatusCode());
      }
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    if (!event.isServerTransaction()
        && event.getClientTransaction().getApplicationData() instanceof SipDialog.Pending pending) {
      try {
        pending.handler().onTimeout();
      } catch (RuntimeException e) {
        LOG.errorf(e, "Response handler failed on timeout");
      }
      return;
    }
    LOG.debugf("SIP transaction timed out: %s", event.getTimeout());
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.debugf("SIP I/O error towards %s:%d", event.getHost(), event.getPort());
  }

  /**
   * The stack keeps a finished transaction for its retransmission timers (a BYE's 32 s over UDP);
   * what the application hung on it (the call behind a request) need not live that long.
   */
  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    if (event.isServerTransaction()) {
      event.getServerTransaction().setApplicationData(null);
    } else {
      event.getClientTransaction().setApplicationData(null);
    }
  }

  /**
   * A dialog the stack let go may still be held by its timers (one waits 32 s for an ACK the B2BUA
   * sent long ago): cut it loose from the call it carried, so the call's memory is freed now.
   */
  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    SipDialog.release(event.getDialog());
  }
}
