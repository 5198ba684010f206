package io.bulwark.sip;

import javax.sip.message.Request;

/**
 * Receives the requests the peer sends inside a dialog (RFC 3261 section 12.2.2), on a stack
 * thread. Every request but ACK must be answered; handlers must not block.
 */
public interface DialogListener {

  /** BYE, re-INVITE, UPDATE, INFO, OPTIONS, NOTIFY and the like, each in a server transaction. */
  void onRequest(SipRequest request);

  /** The ACK of our 2xx to an INVITE; it has no answer. */
  default void onAck(Request ack) {}
}
