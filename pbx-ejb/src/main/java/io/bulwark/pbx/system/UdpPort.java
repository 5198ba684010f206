package io.bulwark.pbx.system;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** UDP ports of this machine. */
final class UdpPort {

  private UdpPort() {}

  /** Whether another program holds the UDP port on any address. */
  static boolean taken(int port) {
    return taken(new InetSocketAddress(port));
  }

  /** Whether another program holds the UDP port of {@code address}. */
  static boolean taken(InetSocketAddress address) {
    try {
      new DatagramSocket(address).close();
      return false;
    } catch (SocketException e) {
      return true;
    }
  }
}
