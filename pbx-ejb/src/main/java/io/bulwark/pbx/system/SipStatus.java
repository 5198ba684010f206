package io.bulwark.pbx.system;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * SIP as the SIP server reports it while it runs: where it listens for UDP, so that the health
 * check can ask it a question over the wire like a phone would, and what it has received and sent,
 * for the metrics.
 */
@ApplicationScoped
public class SipStatus {

  /** The SIP server's counters, read when asked. */
  public interface Traffic {
    Map<String, Long> requestsByMethod();

    Map<Integer, Long> responsesByStatus();

    /** UDP datagrams received, refused with 503, dropped; waiting now. Zero without UDP. */
    long datagramsReceived();

    long datagramsRefused();

    long datagramsDropped();

    int datagramsQueued();

    /** UDP datagrams dropped unread because the firewall refused their source. */
    long datagramsShutOut();
  }

  private record Running(InetSocketAddress udp, Traffic traffic) {}

  private volatile Running running;

  /** {@code udpPort} is 0 when SIP does not listen on UDP. */
  public void started(String host, int udpPort, Traffic traffic) {
    String reachable =
        host == null || host.isBlank() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    running = new Running(udpPort > 0 ? new InetSocketAddress(reachable, udpPort) : null, traffic);
  }

  public void stopped() {
    running = null;
  }

  public Optional<InetSocketAddress> udp() {
    Running now = running;
    return now == null ? Optional.empty() : Optional.ofNullable(now.udp());
  }

  public Optional<Traffic> traffic() {
    Running now = running;
    return now == null ? Optional.empty() : Optional.of(now.traffic());
  }
}
