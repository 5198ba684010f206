package io.bulwark.pbx.system;

/**
 * The UDP ports the media relay takes its RTP and RTCP ports from, {@code min} to {@code max}; a
 * call takes two pairs, one per side.
 */
public record RtpPorts(int min, int max) {

  /** The range as the media relay was started on, which a saved range replaces. */
  private static volatile RtpPorts inForce = configured();

  /** The range the launcher gave: {@code BULWARK_RTPENGINE_PORT_MIN} to {@code ..._MAX}. */
  public static RtpPorts configured() {
    return new RtpPorts(
        EnvironmentPort.of("BULWARK_RTPENGINE_PORT_MIN", 30000),
        EnvironmentPort.of("BULWARK_RTPENGINE_PORT_MAX", 40000));
  }

  public static RtpPorts inForce() {
    return inForce;
  }

  static void nowInForce(RtpPorts ports) {
    inForce = ports;
  }

  boolean covers(int port) {
    return port >= min && port <= max;
  }

  String describe() {
    return min + "-" + max;
  }
}
