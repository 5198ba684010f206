package io.bulwark.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sip.SipStack;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Keeps the requests of a dialog away from the stack while a 2xx to that dialog's INVITE is being
 * sent, so that an ACK or BYE provoked by the 2xx finds the dialog as the send left it.
 *
 * <p>The RI's {@code SIPServerTransaction.sendResponse} writes a 2xx to the wire first and only
 * then starts the dialog's retransmission timer ({@code SIPDialog.startRetransmitTimer}), and
 * {@code SIPDialog.ackReceived} records an ACK only against the INVITE transaction that this timer
 * holds ({@code getInviteTransaction()} is the timer's transaction). A peer on loopback answers
 * within microseconds, and another stack thread takes its ACK at once: when that happens before the
 * timer starts, the ACK reaches the listener but is not recorded, and the timer started just after
 * retransmits the 2xx after T1 (RFC 3261 section 13.3.1.4) although the ACK came. A BYE taken in
 * the same gap ends the dialog before the timer starts, and the timer then still sends the 2xx once
 * more after the call ended. Whatever thread sends the 2xx (a stack thread, or the thread that
 * completes a media relay's answer), the gap exists.
 *
 * <p>This valve runs on the stack thread before the stack looks for a transaction or dialog: a
 * request whose Call-ID and tags name a dialog with a 2xx being sent waits until {@code
 * sendResponse} returned, at most {@link #MAX_WAIT_MILLIS}. The wait is normally the few
 * microseconds left of the send; other requests cost one lookup in an empty map.
 */
final class AnswersInFlight implements SIPMessageValve {

  private static final Logger LOG = Logger.getLogger(AnswersInFlight.class);

  /** Far beyond a send over UDP; a TCP send stuck longer than this no longer holds the dialog. */
  static final long MAX_WAIT_MILLIS = 200;

  private final ConcurrentHashMap<String, CountDownLatch> sending = new ConcurrentHashMap<>();

  /**
   * Marks a 2xx of the dialog ({@code callId}, our {@code localTag}, the peer's {@code remoteTag})
   * as being sent; the returned action, run once the send returned, lets its requests through.
   */
  Runnable sending(String callId, String localTag, String remoteTag) {
    String key = key(callId, localTag, remoteTag);
    CountDownLatch sent = new CountDownLatch(1);
    sending.put(key, sent);
    return () -> {
      sending.remove(key, sent);
      sent.countDown();
    };
  }

  @Override
  public boolean processRequest(SIPRequest request, MessageChannel channel) {
    if (sending.isEmpty()) {
      return true;
    }
    String toTag = request.getToTag();
    CallIdHeader callId = request.getCallId();
    if (toTag == null || callId == null) {
      return true; // Not inside a dialog.
    }
    CountDownLatch sent = sending.get(key(callId.getCallId(), toTag, request.getFromTag()));
    if (sent != null) {
      try {
        if (!sent.await(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          LOG.debugf(
              "%s let through while a 2xx of its dialog is still being sent", callId.getCallId());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return true;
  }

  private static String key(String callId, String localTag, String remoteTag) {
    return callId + '\n' + localTag + '\n' + remoteTag;
  }

  @Override
  public boolean processResponse(Response response, MessageChannel channel) {
    return true;
  }

  @Override
  public void init(SipStack stack) {}

  @Override
  public void destroy() {}
}
