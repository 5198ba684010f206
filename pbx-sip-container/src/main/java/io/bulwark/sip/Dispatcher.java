package io.bulwark.sip;

import java.util.Map;
import java.util.concurrent.Executor;
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
import javax.sip.header.AllowHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/** Routes each new request to its method's handler; answers 405 for methods nobody handles. */
final class Dispatcher implements SipListener {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);

  record Route(SipRequestHandler handler, Executor executor) {}

  private final Map<String, Route> routes;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final String allowed;

  Dispatcher(Map<String, Route> routes, MessageFactory messages, HeaderFactory headers) {
    this.routes = routes;
    this.messages = messages;
    this.headers = headers;
    this.allowed = String.join(", ", routes.keySet());
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    if (Request.ACK.equals(request.getMethod())) {
      return; // ACKs of our final non-2xx responses are absorbed by the transaction layer.
    }
    ServerTransaction transaction = event.getServerTransaction();
    if (transaction == null) {
      try {
        transaction = ((SipProvider) event.getSource()).getNewServerTransaction(request);
      } catch (TransactionAlreadyExistsException e) {
        return; // A retransmission: the transaction answers it.
      } catch (TransactionUnavailableException e) {
        LOG.debugf(e, "No transaction for %s", request.getMethod());
        return;
      }
    }
    SipRequest sipRequest = new SipRequest(request, transaction, messages, headers);
    Route route = routes.get(request.getMethod());
    if (route == null) {
      sipRequest.respond(Response.METHOD_NOT_ALLOWED, this::addAllow);
      return;
    }
    Runnable handling = () -> route.handler().handle(sipRequest);
    if (route.executor() == null) {
      sipRequest.guarded(handling);
    } else {
      sipRequest.continueOn(route.executor(), handling);
    }
  }

  private void addAllow(Response response) {
    try {
      AllowHeader allow = headers.createAllowHeader(allowed);
      response.addHeader(allow);
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void processResponse(ResponseEvent event) {
    // The container sends no requests of its own yet.
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    LOG.debugf("SIP transaction timed out: %s", event.getTimeout());
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.debugf("SIP I/O error towards %s:%d", event.getHost(), event.getPort());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {}

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {}
}
