package io.bulwark.pbx.sip.media;

import io.bulwark.pbx.sip.Settings;
import java.net.InetSocketAddress;
import java.util.function.UnaryOperator;

/**
 * Where rtpengine listens for NG commands: {@code BULWARK_RTPENGINE_NG} as {@code host:port} (an
 * IPv6 address in brackets), default {@code 127.0.0.1:2223}, overridable by the system property
 * {@code bulwark.rtpengine.ng}; and where Bulwark hears the keys callers press, which rtpengine
 * reports there ({@code --dtmf-log-dest}): {@code BULWARK_RTPENGINE_DTMF}, default {@code
 * 127.0.0.1:2224}.
 *
 * @param dtmfAddress null when no keys are heard (no prompts)
 */
public record RtpEngineSettings(InetSocketAddress ngAddress, InetSocketAddress dtmfAddress) {

  static final String VARIABLE = "BULWARK_RTPENGINE_NG";
  static final String DTMF_VARIABLE = "BULWARK_RTPENGINE_DTMF";

  /** Commands alone, no keys heard. */
  public RtpEngineSettings(InetSocketAddress ngAddress) {
    this(ngAddress, null);
  }

  /** The settings {@code lookup} gives. */
  public static RtpEngineSettings from(UnaryOperator<String> lookup) {
    return new RtpEngineSettings(
        address(lookup, VARIABLE, "127.0.0.1:2223"),
        address(lookup, DTMF_VARIABLE, "127.0.0.1:2224"));
  }

  private static InetSocketAddress address(
      UnaryOperator<String> lookup, String variable, String fallback) {
    String value = Settings.valueOf(lookup, variable, fallback).trim();
    int colon = value.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(variable + " is not host:port: " + value);
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " has no port number: " + value, e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(variable + " has a port out of range: " + value);
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException(
          variable + " names a host that does not resolve: " + value);
    }
    return address;
  }

  /** The settings of this process: system properties, then the environment. */
  public static RtpEngineSettings fromEnvironment() {
    return from(Settings.environment());
  }
}
