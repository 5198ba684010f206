package io.bulwark.sip;

import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * What a back-to-back user agent needs to join two dialogs into one call, the counterpart of a SIP
 * Servlet container's {@code B2buaHelper}: the outgoing leg's INVITE made from the incoming one,
 * responses relayed back, and requests inside one dialog forwarded to the linked one.
 *
 * <p>Only the session (the body) and the headers that describe it cross from one leg to the other;
 * everything that identifies a party or routes a message (From, To, Contact, Via, Route, Call-ID,
 * credentials, P-Asserted-Identity) is made anew by each leg, so that a caller cannot choose what
 * the callee sees.
 */
public final class B2buaHelper {

  private static final Logger LOG = Logger.getLogger(B2buaHelper.class);

  /** Headers that describe the session or what its user agent supports, and so cross legs. */
  static final List<String> CROSSING =
      List.of(
          "Allow",
          "Supported",
          "Accept",
          "Session-Expires",
          "Min-SE",
          "Subject",
          "Priority",
          "Content-Disposition",
          "Content-Language");

  private final SipClient client;

  public B2buaHelper(SipClient client) {
    this.client = client;
  }

  /**
   * The INVITE of the outgoing leg for {@code incoming}: to {@code target}, from {@code from} (the
   * identity the application vouches for, never the caller's own From), with the caller's body and
   * crossing headers. Send it with {@link SipClient#invite}.
   */
  public Request newLeg(SipRequest incoming, URI target, Address from, Address to) {
    Request outgoing = client.newRequest(incoming.method(), target, from, to);
    copySession(incoming.message(), outgoing);
    // One hop fewer than the caller's, as a proxy counts (RFC 3261 section 16.6): a call looping
    // back through a trunk ends with 483 instead of circling for ever.
    if (incoming.message().getHeader(MaxForwardsHeader.NAME) instanceof MaxForwardsHeader hops
        && hops.getMaxForwards() > 0) {
      try {
        ((MaxForwardsHeader) outgoing.getHeader(MaxForwardsHeader.NAME))
            .setMaxForwards(Math.min(70, hops.getMaxForwards() - 1));
      } catch (InvalidArgumentException e) {
        throw new IllegalStateException(e);
      }
    }
    return outgoing;
  }

  /**
   * Answers {@code incoming} as the other leg answered: the same status and reason phrase, its body
   * and crossing headers. For a 2xx the caller's dialog is confirmed by it.
   */
  public void relay(SipResponse response, SipRequest incoming) {
    relay(response, incoming, null);
  }

  /**
   * As {@link #relay(SipResponse, SipRequest)}, with {@code body} (a media relay's rewritten
   * description) instead of the response's own, unless it is null.
   */
  public void relay(SipResponse response, SipRequest incoming, byte[] body) {
    Response from = response.message();
    incoming.respond(
        from.getStatusCode(),
        answer -> {
          try {
            answer.setReasonPhrase(from.getReasonPhrase());
          } catch (ParseException e) {
            // Keep our own phrase for that code.
          }
          copySession(from, answer);
          replaceBody(answer, body);
        });
  }

  /**
   * Sends a request received in one dialog (re-INVITE, UPDATE, INFO, BYE) on in the linked dialog,
   * and relays its final answer back; a 2xx to a forwarded re-INVITE is acknowledged on the far leg
   * at once. Without a linked dialog the request is answered 481.
   */
  public void forward(SipRequest request, SipDialog towards) {
    forward(request, towards, CompletableFuture.completedFuture(null));
  }

  /**
   * As {@link #forward(SipRequest, SipDialog)}, but the answer is relayed only once {@code
   * answerAfter} completed (for a BYE, once the call's end is on record).
   */
  public void forward(SipRequest request, SipDialog towards, CompletionStage<?> answerAfter) {
    forward(request, towards, answerAfter, Bodies.UNCHANGED);
  }

  /**
   * Rewrites the bodies that cross in a forwarded exchange: the request's on its way out, the final
   * answer's on its way back (a media relay's offer and answer). A stage gives the body to send.
   */
  public interface Bodies {
    Bodies UNCHANGED =
        new Bodies() {
          @Override
          public CompletionStage<byte[]> request(byte[] body) {
            return CompletableFuture.completedFuture(body);
          }

          @Override
          public CompletionStage<byte[]> response(SipResponse response, byte[] body) {
            return CompletableFuture.completedFuture(body);
          }
        };

    CompletionStage<byte[]> request(byte[] body);

    CompletionStage<byte[]> response(SipResponse response, byte[] body);
  }

  /** As {@link #forward(SipRequest, SipDialog, CompletionStage)}, with bodies rewritten. */
  public void forward(
      SipRequest request, SipDialog towards, CompletionStage<?> answerAfter, Bodies bodies) {
    if (towards == null || towards.isTerminated()) {
      request.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
      return;
    }
    byte[] body = request.message().getRawContent();
    CompletionStage<byte[]> outgoing =
        hasBody(body) ? bodies.request(body) : CompletableFuture.completedFuture(null);
    outgoing.thenAccept(rewritten -> send(request, towards, answerAfter, bodies, rewritten));
  }

  private void send(
      SipRequest request,
      SipDialog towards,
      CompletionStage<?> answerAfter,
      Bodies bodies,
      byte[] body) {
    Request onward = towards.newRequest(request.method());
    copySession(request.message(), onward);
    replaceBody(onward, body);
    towards.send(
        onward,
        new ResponseHandler() {
          @Override
          public void onResponse(SipResponse response) {
            if (response.status() == 100) {
              return;
            }
            if (response.isSuccess() && Request.INVITE.equals(response.method())) {
              towards.ack(response);
            }
            byte[] answer = response.message().getRawContent();
            CompletionStage<byte[]> back =
                hasBody(answer)
                    ? bodies.response(response, answer)
                    : CompletableFuture.completedFuture(null);
            answerAfter
                .thenCombine(back, (done, rewritten) -> rewritten)
                .thenAccept(rewritten -> relay(response, request, rewritten));
          }

          @Override
          public void onTimeout() {
            answerAfter.thenRun(() -> request.respond(Response.REQUEST_TIMEOUT));
          }
        });
  }

  private static boolean hasBody(byte[] body) {
    return body != null && body.length > 0;
  }

  /** Puts {@code body} in place of the message's own, keeping its Content-Type; null leaves it. */
  public static void replaceBody(Message message, byte[] body) {
    if (body == null) {
      return;
    }
    ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
    if (type == null) {
      return;
    }
    try {
      message.setContent(body, type);
    } catch (ParseException e) {
      LOG.debugf(e, "Body not replaced");
    }
  }

  /** Copies the body, its Content-Type and the crossing headers from one message to another. */
  static void copySession(Message from, Message to) {
    for (String name : CROSSING) {
      to.removeHeader(name);
      for (ListIterator<?> it = from.getHeaders(name); it.hasNext(); ) {
        to.addHeader((Header) ((Header) it.next()).clone());
      }
    }
    byte[] body = from.getRawContent();
    ContentTypeHeader type = (ContentTypeHeader) from.getHeader(ContentTypeHeader.NAME);
    if (body != null && body.length > 0 && type != null) {
      try {
        to.setContent(body, (ContentTypeHeader) type.clone());
      } catch (ParseException e) {
        LOG.debugf(e, "Body not copied");
      }
    }
  }
}
