package io.bulwark.sip;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;

/** The address this host uses to reach another, for the Via and Contact of what it sends. */
final class LocalAddress {

  private LocalAddress() {}

  /**
   * {@code bound} itself unless it is the wildcard; then the source address the kernel's routing
   * picks towards {@code destination} (a connected datagram socket sends nothing).
   */
  static String towards(String bound, String destination) {
    if (!"0.0.0.0".equals(bound) && !"::".equals(bound)) {
      return bound;
    }
    if (destination != null) {
      try (DatagramSocket probe = new DatagramSocket()) {
        probe.connect(new InetSocketAddress(InetAddress.getByName(destination), 9));
        InetAddress local = probe.getLocalAddress();
        if (!local.isAnyLocalAddress()) {
          return local.getHostAddress();
        }
      } catch (SocketException | UnknownHostException e) {
        // Fall through: an unreachable or unknown destination fails at sending anyway.
      }
    }
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }
}
