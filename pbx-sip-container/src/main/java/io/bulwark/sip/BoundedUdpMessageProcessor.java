package io.bulwark.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.LinkedList;
import java.util.concurrent.atomic.LongAdder;
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
 * at its own length, and a {@link UdpIngressQueue} whose two bounded lanes serve work under way
 * before new work, and refuse new work with a 503 once it would wait too long.
 */
final class BoundedUdpMessageProcessor extends UDPMessageProcessor {

  private static final Logger LOG = Logger.getLogger(BoundedUdpMessageProcessor.class);

  /**
   * Work under way waits at most until the client retransmits (RFC 3261's T1, 500 ms), in a lane a
   * few hundred milliseconds of the stack's stateless capacity on two cores long. New work waits at
   * most 200 ms, long enough to ride out a garbage collection at the clean rate, and short enough
   * that a registration let in completes before its client retransmits. Refusals wait in a lane of
   * their own, a fraction of a second of arrivals at twice the capacity. The heap the lanes hold is
   * at most this many datagrams of their actual size (typically under 1 KiB each, at worst 64 KiB).
   */
  static final UdpIngressQueue.Limits LIMITS =
      new UdpIngressQueue.Limits(2048, 500, 2048, 200, 4096);

  private final UdpIngressQueue ingress;
  private final int receiveBufferSize;
  private final int stackThreads;
  private final LongAdder shutOut = new LongAdder();
  private volatile SourceGate gate = SourceGate.OPEN;

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
    this.ingress = new UdpIngressQueue(LIMITS, this::refuse);
    this.messageQueue = ingress;
  }

  UdpIngressStats stats() {
    return ingress.stats();
  }

  /** From now on, datagrams from sources {@code gate} refuses are dropped unread. */
  void admitOnly(SourceGate gate) {
    this.gate = gate;
  }

  /** Datagrams dropped so far because the gate refused their source. */
  long shutOut() {
    return shutOut.sum();
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
        if (!gate.admits(received.getAddress(), SourceGate.Transport.UDP)) {
          shutOut.increment();
          continue;
        }
        ingress.admit(received, OverloadRefusal.bringsNewWork(buffer, received.getLength()));
      } catch (IOException e) {
        if (!isRunning) {
          return; // stop() closed the socket.
        }
        LOG.debugf(e, "UDP receive failed on port %d", getPort());
      }
    }
  }

  /**
   * Answers a request that brings new work with a 503 at once; false when it is not one. Called by
   * the stack threads: a datagram socket sends from any thread.
   */
  private boolean refuse(DatagramPacket request) {
    byte[] refusal = OverloadRefusal.of(request.getData(), request.getLength());
    if (refusal == null) {
      return false;
    }
    try {
      // To the packet's source, as rport (RFC 3581) would: the cheapest route that reaches a phone
      // behind NAT.
      sock.send(
          new DatagramPacket(refusal, refusal.length, request.getAddress(), request.getPort()));
      return true;
    } catch (IOException e) {
      LOG.debugf(e, "UDP 503 to %s failed", request.getSocketAddress());
      return false;
    }
  }

  /** Gives access to the RI's constructor for its pooled stack threads. */
  private static final class StackThread extends UDPMessageChannel {
    StackThread(SIPTransactionStack stack, UDPMessageProcessor processor, String name) {
      super(stack, processor, name);
    }
  }
}
