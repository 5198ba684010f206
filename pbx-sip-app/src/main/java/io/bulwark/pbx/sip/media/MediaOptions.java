package io.bulwark.pbx.sip.media;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How rtpengine should rewrite one side's SDP in an offer or answer. {@link #anchored()} is what a
 * PBX relaying a call wants; {@link #receivedFrom} adds where the SIP message came from.
 */
public final class MediaOptions {

  private final InetAddress receivedFrom;

  private MediaOptions(InetAddress receivedFrom) {
    this.receivedFrom = receivedFrom;
  }

  /**
   * Media through rtpengine: the SDP's origin and session connection name rtpengine, so neither
   * side learns the other's address; ICE candidates are removed, since they would offer a path
   * around the relay; the call is not recorded.
   */
  public static MediaOptions anchored() {
    return new MediaOptions(null);
  }

  /**
   * The same, with rtpengine sending to the address the SIP message came from rather than the one
   * in its SDP: a phone behind NAT writes its private address there, and would otherwise hear
   * nothing until rtpengine learnt its public one from its first RTP packet.
   */
  public MediaOptions receivedFrom(InetAddress address) {
    return new MediaOptions(address);
  }

  Map<String, Object> toDictionary() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("replace", List.of("origin", "session-connection"));
    options.put("ICE", "remove");
    options.put("record call", "no");
    if (receivedFrom != null) {
      options.put(
          "received-from",
          List.of(
              receivedFrom instanceof Inet6Address ? "IP6" : "IP4", receivedFrom.getHostAddress()));
      options.put("flags", List.of("SIP-source-address"));
    }
    return options;
  }
}
