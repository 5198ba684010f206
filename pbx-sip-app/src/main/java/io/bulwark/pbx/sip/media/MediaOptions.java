package io.bulwark.pbx.sip.media;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How rtpengine should rewrite one side's SDP in an offer or answer. {@link #anchored()} is what a
 * PBX relaying a call wants; {@link #receivedFrom} adds where the SIP message came from.
 */
public final class MediaOptions {

  private final InetAddress receivedFrom;
  private final boolean portLatching;

  private MediaOptions(InetAddress receivedFrom, boolean portLatching) {
    this.receivedFrom = receivedFrom;
    this.portLatching = portLatching;
  }

  /**
   * Media through rtpengine: the SDP's origin and session connection name rtpengine, so neither
   * side learns the other's address; ICE candidates are removed, since they would offer a path
   * around the relay; the call is not recorded.
   */
  public static MediaOptions anchored() {
    return new MediaOptions(null, false);
  }

  /**
   * The same, with rtpengine sending to the address the SIP message came from rather than the one
   * in its SDP: a phone behind NAT writes its private address there, and would otherwise hear
   * nothing until rtpengine learnt its public one from its first RTP packet.
   */
  public MediaOptions receivedFrom(InetAddress address) {
    return new MediaOptions(address, portLatching);
  }

  /**
   * The same, keeping the ports the other side was given: a second answer (the callee's, after one
   * Bulwark gave itself) then needs no new description for the side that already has one.
   */
  public MediaOptions portLatching() {
    return new MediaOptions(receivedFrom, true);
  }

  Map<String, Object> toDictionary() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("replace", List.of("origin", "session-connection"));
    options.put("ICE", "remove");
    options.put("record call", "no");
    List<String> flags = new ArrayList<>();
    if (receivedFrom != null) {
      options.put(
          "received-from",
          List.of(
              receivedFrom instanceof Inet6Address ? "IP6" : "IP4", receivedFrom.getHostAddress()));
      flags.add("SIP-source-address");
    }
    if (portLatching) {
      flags.add("port latching");
    }
    if (!flags.isEmpty()) {
      options.put("flags", flags);
    }
    return options;
  }
}
