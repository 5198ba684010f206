package io.bulwark.sip;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import java.text.ParseException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionState;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * A dialog (RFC 3261 section 12) as the application sees it: it sends requests inside the dialog
 * (CSeq, Route set and remote target come from the dialog), acknowledges 2xx answers to its INVITEs
 * and hears the peer's requests through a {@link DialogListener}. A B2BUA links the dialogs of its
 * two legs with {@link #link}.
 */
public final class SipDialog {

  private static final ResponseHandler IGNORED =
      new ResponseHandler() {
        @Override
        public void onResponse(SipResponse response) {}

        @Override
        public void onTimeout() {}
      };

  private static final Logger LOG = Logger.getLogger(SipDialog.class);
  private static final HeaderFactory HEADERS = new HeaderFactoryImpl();
  private static final AddressFactory ADDRESSES = new AddressFactoryImpl();
  private static final Object WRAPPING = new Object();

  /** Far beyond a send over UDP: how long an answer's handling waits for a CANCEL going out. */
  private static final long CANCEL_SEND_WAIT_MILLIS = 200;

  private final Dialog dialog;
  private final SipProvider provider;
  private volatile DialogListener listener;
  private volatile SipDialog linked;
  private volatile Request lastAck;
  private volatile SipURI through;
  private ClientTransaction invite;
  private boolean cancelWanted;
  private boolean answered;
  private CountDownLatch cancelling;

  private SipDialog(Dialog dialog, SipProvider provider) {
    this.dialog = dialog;
    this.provider = provider;
  }

  /**
   * The dialog's wrapper, made on first use and kept as the stack dialog's application data. The
   * lock is ours, not the stack dialog's, which the stack locks in its own order.
   */
  static SipDialog of(Dialog dialog, SipProvider provider) {
    synchronized (WRAPPING) {
      if (dialog.getApplicationData() instanceof SipDialog known) {
        return known;
      }
      SipDialog created = new SipDialog(dialog, provider);
      dialog.setApplicationData(created);
      return created;
    }
  }

  /** Drops what the ended {@code dialog} carried: its listener, the linked leg, the last ACK. */
  static void release(Dialog dialog) {
    Object data;
    synchronized (WRAPPING) {
      data = dialog.getApplicationData();
      dialog.setApplicationData(null);
    }
    if (data instanceof SipDialog ended) {
      ended.listener = null;
      ended.linked = null;
      ended.lastAck = null;
      synchronized (ended) {
        ended.invite = null;
      }
    }
  }

  public String callId() {
    return dialog.getCallId().getCallId();
  }

  /** Confirmed by a 2xx; before that a dialog is early (RFC 3261 section 12.1). */
  public boolean isConfirmed() {
    return dialog.getState() == DialogState.CONFIRMED;
  }

  public boolean isTerminated() {
    return dialog.getState() == DialogState.TERMINATED;
  }

  /** Who hears the peer's requests in this dialog; without one they are answered 481. */
  public void listen(DialogListener listener) {
    this.listener = listener;
  }

  DialogListener listener() {
    return listener;
  }

  /**
   * Sends this dialog's requests, ACK included, through {@code hop} (a loose route) instead of
   * straight to the remote target: for a phone behind NAT, whose Contact names a private address
   * while it is reached at the address its REGISTER came from.
   */
  public void sendThrough(SipURI hop) {
    SipURI loose = (SipURI) hop.clone();
    loose.setLrParam();
    this.through = loose;
  }

  /** Joins two dialogs as the legs of one call, each knowing the other. */
  public void link(SipDialog other) {
    this.linked = other;
    other.linked = this;
  }

  /** The other leg of a B2BUA call, or null. */
  public SipDialog linked() {
    return linked;
  }

  /**
   * A request inside this dialog (its CSeq, Route set, remote target and tags filled in). Its Via
   * names the address this host uses towards the remote target, with rport: the stack would name
   * the address it is bound to, which is no address at all when that is 0.0.0.0.
   */
  public Request newRequest(String method) {
    try {
      return withOurAddress(dialog.createRequest(method));
    } catch (SipException | ParseException | InvalidArgumentException e) {
      throw new IllegalStateException("Cannot create " + method + " in dialog " + callId(), e);
    }
  }

  /** Sends a request made by {@link #newRequest}; what comes back goes to {@code handler}. */
  public void send(Request request, ResponseHandler handler) {
    try {
      ClientTransaction transaction = provider.getNewClientTransaction(request);
      transaction.setApplicationData(new Pending(handler, this));
      dialog.sendRequest(transaction);
    } catch (SipException e) {
      LOG.debugf(e, "Could not send %s in dialog %s", request.getMethod(), callId());
      handler.onTimeout();
    }
  }

  /** Ends this dialog with a BYE whose answer does not matter. */
  public void bye() {
    send(newRequest(Request.BYE), IGNORED);
  }

  /** Acknowledges a 2xx answer to this dialog's INVITE (RFC 3261 section 13.2.2.4). */
  public void ack(SipResponse ok) {
    long cseq = ((CSeqHeader) ok.message().getHeader(CSeqHeader.NAME)).getSeqNumber();
    try {
      Request ack = withOurAddress(dialog.createAck(cseq));
      dialog.sendAck(ack);
      lastAck = ack;
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.debugf(e, "Could not acknowledge in dialog %s", callId());
    }
  }

  private Request withOurAddress(Request request)
      throws ParseException, InvalidArgumentException, SipException {
    SipURI hop = through;
    if (hop != null) {
      request.addFirst(HEADERS.createRouteHeader(ADDRESSES.createAddress(hop)));
    }
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    if (via != null) {
      URI target = hop != null ? hop : dialog.getRemoteTarget().getURI();
      String towards = target instanceof SipURI sip ? sip.getHost() : null;
      via.setHost(LocalAddress.towards(via.getHost(), towards));
      via.setRPort();
    }
    return request;
  }

  /** A 2xx came again after the ACK: the ACK was lost, so it is sent again. */
  void ackAgain(Response ok) {
    Request ack = lastAck;
    CSeqHeader cseq = (CSeqHeader) ok.getHeader(CSeqHeader.NAME);
    if (ack == null
        || ((CSeqHeader) ack.getHeader(CSeqHeader.NAME)).getSeqNumber() != cseq.getSeqNumber()) {
      return;
    }
    try {
      dialog.sendAck(ack);
    } catch (SipException e) {
      LOG.debugf(e, "Could not acknowledge again in dialog %s", callId());
    }
  }

  /**
   * Cancels this dialog's INVITE while it has no final answer (RFC 3261 section 9.1): at once if a
   * provisional response came, else as soon as one comes (a CANCEL may not overtake it). The INVITE
   * then ends with 487, which its handler receives.
   */
  public void cancel() {
    ClientTransaction pending;
    CountDownLatch sent;
    synchronized (this) {
      pending = invite;
      if (pending == null || answered) {
        return;
      }
      if (pending.getState() == TransactionState.CALLING) {
        cancelWanted = true;
        return;
      }
      sent = cancelling = new CountDownLatch(1);
    }
    sendCancel(pending, sent);
  }

  /** The INVITE this side sent to start the dialog. */
  synchronized void sentInvite(ClientTransaction transaction) {
    this.invite = transaction;
  }

  /**
   * A final response to our INVITE came, before the handler hears of it: a cancel asked for later
   * (a caller's CANCEL crossing the callee's 200) must not follow the ACK or BYE (RFC 3261 9.1). A
   * CANCEL decided before the answer came is let out first, so the ACK never overtakes it.
   */
  void finalReceived() {
    CountDownLatch sending;
    synchronized (this) {
      answered = true;
      cancelWanted = false;
      sending = cancelling;
    }
    if (sending != null) {
      try {
        // A bound rather than a wait without end: the send may need a lock of the stack that
        // this thread, handling the answer, holds.
        sending.await(CANCEL_SEND_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A provisional response to our INVITE came: a cancel asked for before may go now. */
  void provisionalReceived() {
    ClientTransaction pending;
    CountDownLatch sent;
    synchronized (this) {
      if (!cancelWanted || answered) {
        return;
      }
      cancelWanted = false;
      pending = invite;
      sent = cancelling = new CountDownLatch(1);
    }
    sendCancel(pending, sent);
  }

  private void sendCancel(ClientTransaction pending, CountDownLatch sent) {
    try {
      provider.getNewClientTransaction(pending.createCancel()).sendRequest();
    } catch (SipException e) {
      LOG.debugf(e, "Could not cancel the INVITE of dialog %s", callId());
    } finally {
      sent.countDown();
    }
  }

  /** What a client transaction sent by the application carries: where its responses go. */
  record Pending(ResponseHandler handler, SipDialog dialog) {}
}
