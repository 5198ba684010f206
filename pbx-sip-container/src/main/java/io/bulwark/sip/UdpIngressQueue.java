package io.bulwark.sip;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramPacket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * The datagrams between the UDP socket and the stack threads, bounded in count and in age.
 *
 * <p>Full means the stack threads are behind: the datagram is dropped on arrival, as the kernel
 * drops when its receive buffer is full. Answering 503 instead would mean parsing on the socket's
 * only thread and sending to every flooding source, which is work the overload cannot afford.
 * Requests older than {@code maxWaitMillis} are dropped when a stack thread takes them: the client
 * has retransmitted by then (T1 = 500 ms), so an answer to the old copy is work spent twice.
 *
 * <p>A linked queue has separate locks for putting and taking, so the socket thread does not
 * contend with the stack threads.
 */
final class UdpIngressQueue extends LinkedBlockingQueue<DatagramQueuedMessageDispatch> {

  private static final Logger LOG = Logger.getLogger(UdpIngressQueue.class);
  private static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  static final long SUSTAINED_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /**
   * What the queue did so far; {@code highWater} is the most datagrams it ever held, {@code
   * refused} the requests answered 503 before they were queued.
   */
  record Stats(
      long received,
      long droppedFull,
      long droppedStale,
      long refused,
      int highWater,
      int capacity) {}

  private final int capacity;
  private final long maxWaitMillis;
  private final LongAdder received = new LongAdder();
  private final LongAdder droppedFull = new LongAdder();
  private final LongAdder droppedStale = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_INTERVAL_NANOS);
  private volatile int highWater;
  private long behindSince;
  private boolean behind;

  UdpIngressQueue(int capacity, long maxWaitMillis) {
    super(capacity);
    this.capacity = capacity;
    this.maxWaitMillis = maxWaitMillis;
  }

  /** Called by the socket's thread only, which keeps {@code highWater} free of races. */
  void admit(DatagramPacket packet) {
    received.increment();
    if (offer(new DatagramQueuedMessageDispatch(packet, System.currentTimeMillis()))) {
      int size = size();
      if (size > highWater) {
        highWater = size;
      }
    } else {
      droppedFull.increment();
      reportShedding();
    }
  }

  @Override
  public DatagramQueuedMessageDispatch take() throws InterruptedException {
    while (true) {
      DatagramQueuedMessageDispatch next = super.take();
      if (System.currentTimeMillis() - next.getReceptionTime() <= maxWaitMillis) {
        return next;
      }
      droppedStale.increment();
      reportShedding();
    }
  }

  /**
   * Whether the stack threads are behind: true once the queue has held at least {@code threshold}
   * datagrams for {@link #SUSTAINED_NANOS} without a break, and from then on until it is down to a
   * quarter of that. A pause of the stack threads (a garbage collection, a burst) fills the queue
   * for a few tens of milliseconds and is ridden out; a backlog that lasts is overload, and it is
   * over only when the backlog is gone, not at the first dip, which would let the next burst in to
   * be dropped. Called by the socket's thread only.
   */
  boolean behind(int threshold, long nowNanos) {
    int size = size();
    if (behind) {
      behind = size >= threshold / 4;
      behindSince = 0;
      return behind;
    }
    if (size < threshold) {
      behindSince = 0;
      return false;
    }
    if (behindSince == 0) {
      behindSince = nowNanos;
    }
    behind = nowNanos - behindSince >= SUSTAINED_NANOS;
    return behind;
  }

  /** Called by the socket's thread for a datagram answered 503 instead of queued. */
  void refused() {
    received.increment();
    refused.increment();
    reportShedding();
  }

  Stats stats() {
    return new Stats(
        received.sum(), droppedFull.sum(), droppedStale.sum(), refused.sum(), highWater, capacity);
  }

  private void reportShedding() {
    long now = System.nanoTime();
    long last = lastReport.get();
    if (now - last >= REPORT_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
      Stats s = stats();
      LOG.warnf(
          "SIP over UDP is overloaded, shedding: %d requests answered 503, %d datagrams dropped"
              + " with the queue full (%d), %d dropped after waiting over %d ms, of %d received",
          s.refused(),
          s.droppedFull(),
          s.capacity(),
          s.droppedStale(),
          maxWaitMillis,
          s.received());
    }
  }
}
