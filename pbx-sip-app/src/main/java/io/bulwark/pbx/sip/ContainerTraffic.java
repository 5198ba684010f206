package io.bulwark.pbx.sip;

import io.bulwark.pbx.system.SipStatus;
import io.bulwark.sip.SipContainer;
import io.bulwark.sip.UdpIngressStats;
import java.util.Map;

/** The container's counters, as the metrics read them. */
record ContainerTraffic(SipContainer container) implements SipStatus.Traffic {

  private static final UdpIngressStats NO_UDP = new UdpIngressStats(0, 0, 0, 0, 0, 0, 0);

  @Override
  public Map<String, Long> requestsByMethod() {
    return container.traffic().requestsByMethod();
  }

  @Override
  public Map<Integer, Long> responsesByStatus() {
    return container.traffic().responsesByStatus();
  }

  @Override
  public long datagramsReceived() {
    return udp().received();
  }

  @Override
  public long datagramsRefused() {
    return udp().refused();
  }

  @Override
  public long datagramsDropped() {
    UdpIngressStats udp = udp();
    return udp.droppedFull() + udp.droppedStale();
  }

  @Override
  public int datagramsQueued() {
    return udp().queued();
  }

  @Override
  public long datagramsShutOut() {
    return container.shutOutDatagrams();
  }

  private UdpIngressStats udp() {
    UdpIngressStats stats = container.udpIngress();
    return stats == null ? NO_UDP : stats;
  }
}
