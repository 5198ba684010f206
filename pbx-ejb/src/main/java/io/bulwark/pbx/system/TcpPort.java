package io.bulwark.pbx.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP ports of this machine. */
final class TcpPort {

  private TcpPort() {}

  /** Whether another program holds the TCP port on any address. */
  static boolean taken(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
