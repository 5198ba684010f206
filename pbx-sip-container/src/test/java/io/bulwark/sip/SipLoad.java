package io.bulwark.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A UDP load source on loopback for the container's tests: numbered OPTIONS requests sent at a
 * fixed rate from one socket, and a thread that counts the 200s and their latency. Every request
 * carries its number in the branch, so an answer tells which request it belongs to.
 */
final class SipLoad implements AutoCloseable {

  private static final int NUMBER_DIGITS = 10;

  private final DatagramSocket socket;
  private final InetSocketAddress target;
  private final byte[] template;
  private final int numberAt;
  private final AtomicLongArray sentAtNanos;
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong otherAnswers = new AtomicLong();
  private final AtomicLong refusals = new AtomicLong();
  private final AtomicLong maxLatencyNanos = new AtomicLong();
  private final Thread receiver;
  private volatile boolean running = true;
  private int sent;

  /** {@code capacity}: the most requests this source will ever send. */
  SipLoad(String sourceAddress, int port, int capacity) throws IOException {
    InetAddress source = InetAddress.getByName(sourceAddress);
    if (!source.isLoopbackAddress()) {
      throw new IllegalArgumentException("Load stays on loopback, not " + sourceAddress);
    }
    socket = new DatagramSocket(new InetSocketAddress(source, 0));
    socket.setReceiveBufferSize(4 << 20);
    socket.setSendBufferSize(4 << 20);
    socket.setSoTimeout(200);
    target = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
    String number = "0".repeat(NUMBER_DIGITS);
    String request =
        "OPTIONS sip:127.0.0.1:"
            + port
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP "
            + sourceAddress
            + ":"
            + socket.getLocalPort()
            + ";rport;branch=z9hG4bK"
            + number
            + "\r\n"
            + "From: <sip:load@"
            + sourceAddress
            + ">;tag=load\r\n"
            + "To: <sip:127.0.0.1>\r\n"
            + "Call-ID: load-"
            + number
            + "@"
            + sourceAddress
            + "\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Max-Forwards: 70\r\n"
            + "Content-Length: 0\r\n\r\n";
    template = request.getBytes(StandardCharsets.US_ASCII);
    numberAt = request.indexOf("z9hG4bK") + "z9hG4bK".length();
    sentAtNanos = new AtomicLongArray(capacity);
    receiver = new Thread(this::receive, "sip-load-receiver");
    receiver.setDaemon(true);
    receiver.start();
  }

  /**
   * Sends {@code count} requests at {@code perSecond}, in batches each millisecond; returns how
   * many it sent (fewer than asked when {@code capacity} runs out).
   */
  int send(int count, int perSecond) throws IOException {
    byte[] buffer = template.clone();
    int callIdAt = indexOf(buffer, "Call-ID: load-") + "Call-ID: load-".length();
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length, target);
    long start = System.nanoTime();
    int first = sent;
    int last = Math.min(sentAtNanos.length(), first + count);
    for (int i = first; i < last; i++) {
      long due = start + (long) ((i - first) * (1_000_000_000.0 / perSecond));
      long wait = due - System.nanoTime();
      if (wait > 1_000_000) {
        LockSupport.parkNanos(wait);
      }
      writeNumber(buffer, numberAt, i);
      writeNumber(buffer, callIdAt, i);
      sentAtNanos.set(i, System.nanoTime());
      socket.send(packet);
      sent = i + 1;
    }
    return last - first;
  }

  /** Waits until every sent request is answered or {@code timeoutMillis} passes. */
  void awaitAnswers(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (answered.get() + otherAnswers.get() + refusals.get() < sent
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  long answered() {
    return answered.get();
  }

  /** Answers other than 200 and other than a 503 with Retry-After. */
  long otherAnswers() {
    return otherAnswers.get();
  }

  /** 503 answers with Retry-After. */
  long refusals() {
    return refusals.get();
  }

  int sent() {
    return sent;
  }

  void resetMaxLatency() {
    maxLatencyNanos.set(0);
  }

  long maxLatencyMillis() {
    return TimeUnit.NANOSECONDS.toMillis(maxLatencyNanos.get());
  }

  private void receive() {
    byte[] buffer = new byte[8192];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    while (running) {
      try {
        packet.setLength(buffer.length);
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException e) {
        return; // closed
      }
      long now = System.nanoTime();
      String answer = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
      int branch = answer.indexOf("branch=z9hG4bK");
      if (answer.startsWith("SIP/2.0 503 ") && answer.contains("\r\nRetry-After: ")) {
        refusals.incrementAndGet();
        continue;
      }
      if (!answer.startsWith("SIP/2.0 200 ") || branch < 0) {
        otherAnswers.incrementAndGet();
        continue;
      }
      int at = branch + "branch=z9hG4bK".length();
      int number = Integer.parseInt(answer.substring(at, at + NUMBER_DIGITS));
      long latency = now - sentAtNanos.get(number);
      maxLatencyNanos.accumulateAndGet(latency, Math::max);
      answered.incrementAndGet();
    }
  }

  private static void writeNumber(byte[] buffer, int at, int number) {
    for (int i = NUMBER_DIGITS - 1; i >= 0; i--) {
      buffer[at + i] = (byte) ('0' + number % 10);
      number /= 10;
    }
  }

  private static int indexOf(byte[] buffer, String text) {
    return new String(buffer, StandardCharsets.US_ASCII).indexOf(text);
  }

  @Override
  public void close() {
    running = false;
    socket.close();
    try {
      receiver.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
