package io.bulwark.pbx.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP ports of this machine. */
final class TcpPort {

  private TcpPort() {}

  /** Whether another program holds the TCP port on any address. */
  static boolean taken(int port) {
    return taken(new InetSocketAddress(port));
  }

  /** Whether another program holds the TCP port of {@code address}. */
  static boolean taken(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(address);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
