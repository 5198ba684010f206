package io.bulwark.sip;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The address this host uses to reach another, for the Via and Contact of what it sends. */
final class LocalAddress {

  /**
   * Answers are remembered per destination for a minute: asking the kernel costs a socket per
   * message, and routes change seldom. At most this many destinations, then all are forgotten.
   */
  private static final long REMEMBERED_NANOS = TimeUnit.MINUTES.toNanos(1);

  private static final int MAX_REMEMBERED = 4096;

  private record Remembered(String local, long untilNanos) {}

  private static final ConcurrentHashMap<String, Remembered> BY_DESTINATION =
      new ConcurrentHashMap<>();

  private LocalAddress() {}

  /**
   * {@code bound} itself unless it is the wildcard; then the source address the kernel's routing
   * picks towards {@code destination} (a connected datagram socket sends nothing).
   */
  static String towards(String bound, String destination) {
    if (!"0.0.0.0".equals(bound) && !"::".equals(bound)) {
      return bound;
    }
    if (destination == null) {
      return thisHost();
    }
    long now = System.nanoTime();
    Remembered known = BY_DESTINATION.get(destination);
    if (known != null && now - known.untilNanos() < 0) {
      return known.local();
    }
    String local = probe(destination);
    if (BY_DESTINATION.size() >= MAX_REMEMBERED) {
      BY_DESTINATION.clear();
    }
    BY_DESTINATION.put(destination, new Remembered(local, now + REMEMBERED_NANOS));
    return local;
  }

  private static String probe(String destination) {
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(new InetSocketAddress(InetAddress.getByName(destination), 9));
      InetAddress local = probe.getLocalAddress();
      if (!local.isAnyLocalAddress()) {
        return local.getHostAddress();
      }
    } catch (SocketException | UnknownHostException e) {
      // Fall through: an unreachable or unknown destination fails at sending anyway.
    }
    return thisHost();
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }
}
