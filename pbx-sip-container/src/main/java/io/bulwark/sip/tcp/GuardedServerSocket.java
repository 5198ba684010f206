package io.bulwark.sip.tcp;

import io.bulwark.sip.SourceGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Accepts only as many connections from one address as {@link TcpLimits} allows; the rest are reset
 * right after the accept, before the stack spends a thread on them. Counts exist only for addresses
 * that have a connection open.
 */
final class GuardedServerSocket extends ServerSocket {

  private static final Logger LOG = Logger.getLogger(GuardedServerSocket.class);

  private final TcpLimits limits;
  private final SourceGate gate;
  private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();

  GuardedServerSocket(
      int port, int backlog, InetAddress bindAddress, TcpLimits limits, SourceGate gate)
      throws IOException {
    super(port, backlog, bindAddress);
    this.limits = limits;
    this.gate = gate;
  }

  @Override
  public Socket accept() throws IOException {
    while (true) {
      GuardedSocket socket = new GuardedSocket(limits, this::release);
      implAccept(socket);
      InetAddress source = socket.getInetAddress();
      if (!gate.admits(source, SourceGate.Transport.TCP)) {
        LOG.debugf("Refused a TCP connection from %s: shut out", source);
      } else if (admit(source)) {
        socket.admitted();
        return socket;
      } else {
        LOG.debugf("Refused a TCP connection from %s: %d open", source, open.get(source));
      }
      socket.setSoLinger(true, 0); // a reset: no FIN_WAIT state kept for the refused peer
      socket.closeUncounted();
    }
  }

  private boolean admit(InetAddress source) {
    int[] count = new int[1];
    open.compute(
        source,
        (address, n) -> {
          int now = n == null ? 0 : n;
          count[0] = now < limits.maxConnectionsPerSource() ? now + 1 : -1;
          return count[0] > 0 ? count[0] : now;
        });
    return count[0] > 0;
  }

  private void release(InetAddress source) {
    open.computeIfPresent(source, (address, n) -> n > 1 ? n - 1 : null);
  }
}
