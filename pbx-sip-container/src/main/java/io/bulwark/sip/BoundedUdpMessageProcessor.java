package io.bulwark.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedList;
import org.jboss.logging.Logger;

/**
 * The RI's UDP processor with a bounded queue between its socket and its stack threads.
 *
 * <p>The RI queues every datagram in an unbounded {@code LinkedBlockingQueue}, each in a fresh
 * buffer of the maximum message size (64 KiB), and its only bound on that queue is an auditor that
 * looks every 2 s for requests older than {@code CONGESTION_CONTROL_TIMEOUT}. No property bounds
 * the queue itself, so a flood above capacity grows the heap by 64 KiB per datagram until latency
 * passes the clients' retransmission timer and every retransmission adds to the load. This
 * processor keeps the RI's stack threads (its {@link UDPMessageChannel}s, which take from {@code
 * messageQueue}) and replaces the two ends: one receive buffer for the socket, each datagram copied
 * at its own length, and a {@link UdpIngressQueue} that drops above {@link #QUEUE_CAPACITY} and
 * after {@link #MAX_QUEUE_WAIT_MILLIS}. Once the queue has stayed three quarters full for a while,
 * new work is refused with a 503 before it is queued.
 */
final class BoundedUdpMessageProcessor extends UDPMessageProcessor {

  private static final Logger LOG = Logger.getLogger(BoundedUdpMessageProcessor.class);

  /**
   * At the stack's stateless capacity on two cores (several thousand requests per second) this is a
   * few hundred milliseconds of work, about the longest a request may wait; the heap it can hold is
   * at most this many datagrams of their actual size (typically under 1 KiB each, at worst 64 KiB).
   */
  static final int QUEUE_CAPACITY = 2048;

  /**
   * From this many waiting datagrams on, requests that bring new work are answered 503 at the
   * socket ({@link OverloadRefusal}), so that the rest of the queue serves registrations under way.
   */
  static final int REFUSE_NEW_WORK_AT = QUEUE_CAPACITY * 3 / 4;

  /** RFC 3261's T1: by then the client has sent the request again. */
  static final long MAX_QUEUE_WAIT_MILLIS = 500;

  private final UdpIngressQueue ingress;
  private final int receiveBufferSize;
  private final int stackThreads;

  BoundedUdpMessageProcessor(
      InetAddress address, SIPTransactionStack stack, int port, int stackThreads)
      throws IOException {
    super(address, stack, port);
    this.stackThreads = stackThreads;
    int maxMessageSize = stack.getMaxMessageSize();
    this.receiveBufferSize =
        maxMessageSize > 0 && maxMessageSize < SipStackImpl.MAX_DATAGRAM_SIZE
            ? maxMessageSize
            : SipStackImpl.MAX_DATAGRAM_SIZE;
    this.ingress = new UdpIngressQueue(QUEUE_CAPACITY, MAX_QUEUE_WAIT_MILLIS);
    this.messageQueue = ingress;
  }

  UdpIngressQueue.Stats stats() {
    return ingress.stats();
  }

  @Override
  public void start() throws IOException {
    // Created here rather than in run(), as the RI does, so that stop() always finds them.
    LinkedList<UDPMessageChannel> channels = new LinkedList<>();
    String prefix = ((SipStackImpl) sipStack).getStackName() + "-UDPMessageChannelThread-";
    for (int i = 0; i < stackThreads; i++) {
      channels.add(new StackThread(sipStack, this, prefix + i));
    }
    messageChannels = channels;
    super.start();
  }

  @Override
  public void run() {
    byte[] buffer = new byte[receiveBufferSize];
    DatagramPacket received = new DatagramPacket(buffer, buffer.length);
    while (isRunning) {
      try {
        received.setLength(buffer.length);
        sock.receive(received);
        if (ingress.behind(REFUSE_NEW_WORK_AT, System.nanoTime()) && refuse(received)) {
          continue;
        }
        byte[] message = Arrays.copyOf(buffer, received.getLength());
        ingress.admit(
            new DatagramPacket(message, message.length, received.getAddress(), received.getPort()));
      } catch (IOException e) {
        if (!isRunning) {
          return; // stop() closed the socket.
        }
        LOG.debugf(e, "UDP receive failed on port %d", getPort());
      }
    }
  }

  /** Answers a request that brings new work with a 503 at once; false when it is not one. */
  private boolean refuse(DatagramPacket request) throws IOException {
    byte[] refusal = OverloadRefusal.of(request.getData(), request.getLength());
    if (refusal == null) {
      return false;
    }
    // To the packet's source, as rport (RFC 3581) would: the cheapest route that reaches a phone
    // behind NAT.
    sock.send(new DatagramPacket(refusal, refusal.length, request.getAddress(), request.getPort()));
    ingress.refused();
    return true;
  }

  /** Gives access to the RI's constructor for its pooled stack threads. */
  private static final class StackThread extends UDPMessageChannel {
    StackThread(SIPTransactionStack stack, UDPMessageProcessor processor, String name) {
      super(stack, processor, name);
    }
  }
}
