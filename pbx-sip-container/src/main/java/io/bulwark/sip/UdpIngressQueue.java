package io.bulwark.sip;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import java.net.DatagramPacket;
import java.util.AbstractQueue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The datagrams between the UDP socket and the stack threads: bounded lanes, and work under way
 * goes before new work.
 *
 * <p>Under way is everything that finishes what was already paid for: responses, ACK and CANCEL,
 * requests inside a dialog and requests with credentials (the second REGISTER of a registration,
 * whose challenge was already sent). New work is the rest. The stack threads take new work only
 * when nothing under way waits, so above capacity the registrations that were let in complete in
 * time, before their clients retransmit, and new work gets only the capacity left over. Sharing one
 * queue instead, the new work a burst lets in crowds out its own second halves: they arrive to a
 * full queue, are dropped after their challenge was paid for, come back as retransmissions, and the
 * share of work completed falls with the load.
 *
 * <p>New work that finds its lane full, or has waited more than {@code newWorkMaxWaitMillis} when a
 * stack thread reaches it, is refused with a 503 and Retry-After ({@link OverloadRefusal}): a
 * refusal ends the client's transaction at once, where a drop would bring the request back up to
 * ten times. Work under way is dropped when its lane is full, as the kernel drops when its receive
 * buffer is, or when it has waited more than {@code underWayMaxWaitMillis}: by T1 (500 ms) the
 * client has retransmitted, and answering the old copy is work spent twice.
 *
 * <p>The socket's one thread only receives, sorts and copies; refusing is left to the stack
 * threads, several at once. New work that finds its lane full goes to a third lane, of refusals,
 * which the stack threads serve before anything else: a refusal is cheap, and only worth sending at
 * once. Refusing on the socket's thread made it the bottleneck above capacity: the kernel's buffer
 * overflowed, and every datagram it dropped came back retransmitted.
 *
 * <p>Only the socket's thread puts; only the stack threads take, and a permit per queued datagram
 * wakes them.
 */
final class UdpIngressQueue extends AbstractQueue<DatagramQueuedMessageDispatch>
    implements BlockingQueue<DatagramQueuedMessageDispatch> {

  private static final Logger LOG = Logger.getLogger(UdpIngressQueue.class);
  private static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** Answers a request with a 503 at once; false when it is not a request that can be refused. */
  @FunctionalInterface
  interface Refusal {
    boolean send(DatagramPacket request);
  }

  /** The bounds of the lanes: how many datagrams each holds, and how long one may wait. */
  record Limits(
      int underWayCapacity,
      long underWayMaxWaitMillis,
      int newWorkCapacity,
      long newWorkMaxWaitMillis,
      int refusalCapacity) {}

  private final Limits limits;
  private final Refusal refusal;
  private final LinkedBlockingQueue<DatagramQueuedMessageDispatch> underWay;
  private final LinkedBlockingQueue<DatagramQueuedMessageDispatch> newWork;
  private final LinkedBlockingQueue<DatagramQueuedMessageDispatch> refusals;
  private final Semaphore queued = new Semaphore(0);
  private final LongAdder received = new LongAdder();
  private final LongAdder droppedFull = new LongAdder();
  private final LongAdder droppedStale = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_INTERVAL_NANOS);
  private volatile int highWater;

  UdpIngressQueue(Limits limits, Refusal refusal) {
    this.limits = limits;
    this.refusal = refusal;
    this.underWay = new LinkedBlockingQueue<>(limits.underWayCapacity());
    this.newWork = new LinkedBlockingQueue<>(limits.newWorkCapacity());
    this.refusals = new LinkedBlockingQueue<>(limits.refusalCapacity());
  }

  /**
   * Queues a copy of the datagram just received into {@code received}, or drops it before copying
   * anything when no lane has room for it. Called by the socket's thread only: as nothing else
   * puts, a lane with room still has it when the copy is offered, and {@code highWater} is free of
   * races.
   */
  void admit(DatagramPacket received, boolean bringsNewWork) {
    this.received.increment();
    LinkedBlockingQueue<DatagramQueuedMessageDispatch> lane = laneFor(bringsNewWork);
    if (lane == null) {
      droppedFull.increment();
      reportShedding();
      return;
    }
    int offset = received.getOffset();
    byte[] copy = Arrays.copyOfRange(received.getData(), offset, offset + received.getLength());
    var packet = new DatagramPacket(copy, copy.length, received.getAddress(), received.getPort());
    lane.offer(new DatagramQueuedMessageDispatch(packet, System.currentTimeMillis()));
    queued.release();
    int size = size();
    if (size > highWater) {
      highWater = size;
    }
  }

  /** The lane with room for the datagram, or null when it is to be dropped. */
  private LinkedBlockingQueue<DatagramQueuedMessageDispatch> laneFor(boolean bringsNewWork) {
    if (!bringsNewWork) {
      return underWay.remainingCapacity() > 0 ? underWay : null;
    }
    if (newWork.remainingCapacity() > 0) {
      return newWork;
    }
    return refusals.remainingCapacity() > 0 ? refusals : null;
  }

  @Override
  public DatagramQueuedMessageDispatch take() throws InterruptedException {
    while (true) {
      queued.acquire();
      DatagramQueuedMessageDispatch next = next();
      if (next != null) {
        return next;
      }
    }
  }

  @Override
  public DatagramQueuedMessageDispatch poll(long timeout, TimeUnit unit)
      throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (queued.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
      DatagramQueuedMessageDispatch next = next();
      if (next != null) {
        return next;
      }
    }
    return null;
  }

  /**
   * After a permit was taken: a refusal to send, else the oldest datagram under way, else the
   * oldest new work; null when the datagram the permit stood for was refused or shed. A permit
   * always stands for a datagram in one of the lanes, as only the holders of permits take.
   */
  private DatagramQueuedMessageDispatch next() {
    DatagramQueuedMessageDispatch next = refusals.poll();
    if (next != null) {
      refuseOrDrop(next.packet);
      return null;
    }
    long now = System.currentTimeMillis();
    next = underWay.poll();
    if (next != null) {
      if (now - next.getReceptionTime() <= limits.underWayMaxWaitMillis()) {
        return next;
      }
      droppedStale.increment();
      reportShedding();
      return null;
    }
    next = newWork.poll();
    if (next == null || now - next.getReceptionTime() <= limits.newWorkMaxWaitMillis()) {
      return next;
    }
    refuseOrDrop(next.packet);
    return null;
  }

  private void refuseOrDrop(DatagramPacket packet) {
    if (refusal.send(packet)) {
      refused.increment();
    } else {
      droppedFull.increment();
    }
    reportShedding();
  }

  UdpIngressStats stats() {
    return new UdpIngressStats(
        received.sum(),
        droppedFull.sum(),
        droppedStale.sum(),
        refused.sum(),
        size(),
        highWater,
        limits.underWayCapacity() + limits.newWorkCapacity() + limits.refusalCapacity());
  }

  @Override
  public int size() {
    return underWay.size() + newWork.size() + refusals.size();
  }

  @Override
  public int remainingCapacity() {
    return underWay.remainingCapacity()
        + newWork.remainingCapacity()
        + refusals.remainingCapacity();
  }

  /** Not the socket's way in ({@link #admit}); kept for the interface, as work under way. */
  @Override
  public boolean offer(DatagramQueuedMessageDispatch dispatch) {
    if (!underWay.offer(dispatch)) {
      return false;
    }
    queued.release();
    return true;
  }

  @Override
  public boolean offer(DatagramQueuedMessageDispatch dispatch, long timeout, TimeUnit unit) {
    return offer(dispatch);
  }

  @Override
  public void put(DatagramQueuedMessageDispatch dispatch) {
    if (!offer(dispatch)) {
      throw new IllegalStateException("the UDP ingress queue is full");
    }
  }

  @Override
  public DatagramQueuedMessageDispatch poll() {
    return queued.tryAcquire() ? next() : null;
  }

  @Override
  public DatagramQueuedMessageDispatch peek() {
    DatagramQueuedMessageDispatch next = refusals.peek();
    if (next == null) {
      next = underWay.peek();
    }
    return next != null ? next : newWork.peek();
  }

  /** What waits, in the order it is served; weakly consistent, as the lanes' own iterators. */
  @Override
  public Iterator<DatagramQueuedMessageDispatch> iterator() {
    return Stream.of(refusals, underWay, newWork).flatMap(LinkedBlockingQueue::stream).iterator();
  }

  @Override
  public int drainTo(Collection<? super DatagramQueuedMessageDispatch> sink) {
    return drainTo(sink, Integer.MAX_VALUE);
  }

  @Override
  public int drainTo(Collection<? super DatagramQueuedMessageDispatch> sink, int max) {
    int drained = 0;
    DatagramQueuedMessageDispatch next;
    while (drained < max && (next = poll()) != null) {
      sink.add(next);
      drained++;
    }
    return drained;
  }

  private void reportShedding() {
    long now = System.nanoTime();
    long last = lastReport.get();
    if (now - last >= REPORT_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
      UdpIngressStats s = stats();
      LOG.warnf(
          "SIP over UDP is overloaded, shedding: %d requests answered 503, %d datagrams dropped"
              + " with a lane full, %d dropped after waiting over %d ms, of %d received",
          s.refused(),
          s.droppedFull(),
          s.droppedStale(),
          limits.underWayMaxWaitMillis(),
          s.received());
    }
  }
}
