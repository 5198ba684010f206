package io.bulwark.sip;

import java.util.Map;
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
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.jboss.logging.Logger;

/** Routes each new request to its method's handler once {@link RequestScreen} lets it through. */
final class Dispatcher implements SipListener {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);

  /** {@code stateless}: answered without a server transaction (see {@link SipRequest}). */
  record Route(SipRequestHandler handler, boolean stateless) {}

  private final Map<String, Route> routes;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final RequestScreen screen;
  private final SipTraffic traffic;

  Dispatcher(
      Map<String, Route> routes,
      MessageFactory messages,
      HeaderFactory headers,
      SipTraffic traffic) {
    this.routes = routes;
    this.traffic = traffic;
    this.messages = messages;
    this.headers = headers;
    this.screen = new RequestScreen(routes.keySet(), headers);
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    traffic.request(request.getMethod());
    if (Request.ACK.equals(request.getMethod())) {
      // ACKs of our final non-2xx responses are absorbed by the transaction layer; after a
      // stateless answer there is nothing to stop.
      return;
    }
    SipProvider provider = (SipProvider) event.getSource();
    RequestScreen.Refusal refusal = screen.check(request);
    if (refusal != null) {
      // Stateless, so that a scanner's unknown methods (an INVITE before calls are handled) and
      // malformed requests leave no transaction retransmitting the refusal for 32 s.
      new SipRequest(request, null, provider, messages, headers, traffic)
          .respond(refusal.status(), refusal.headers());
      return;
    }
    Route route = routes.get(request.getMethod());
    ServerTransaction transaction = event.getServerTransaction();
    if (transaction == null && !route.stateless()) {
      try {
        transaction = provider.getNewServerTransaction(request);
      } catch (TransactionAlreadyExistsException e) {
        return; // A retransmission: the transaction answers it.
      } catch (TransactionUnavailableException e) {
        LOG.debugf(e, "No transaction for %s", request.getMethod());
        return;
      }
    }
    SipRequest sipRequest =
        new SipRequest(request, transaction, provider, messages, headers, traffic);
    sipRequest.guarded(() -> route.handler().handle(sipRequest));
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
