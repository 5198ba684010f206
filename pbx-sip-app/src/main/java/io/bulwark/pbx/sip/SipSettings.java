package io.bulwark.pbx.sip;

import static io.bulwark.pbx.sip.Settings.valueOf;

import io.bulwark.sip.SipContainerConfig;
import java.util.Arrays;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * SIP settings from the environment ({@code BULWARK_SIP_HOST}, {@code BULWARK_SIP_PORT}, {@code
 * BULWARK_SIP_TRANSPORTS}, {@code BULWARK_SIP_REALM}), each overridable by the system property of
 * the same name in lower case with dots ({@code bulwark.sip.port}).
 */
record SipSettings(String host, int port, Set<String> transports, String realm) {

  static SipSettings from(UnaryOperator<String> lookup) {
    String transports = valueOf(lookup, "BULWARK_SIP_TRANSPORTS", "udp,tcp");
    String port = valueOf(lookup, "BULWARK_SIP_PORT", "5060");
    try {
      return new SipSettings(
          valueOf(lookup, "BULWARK_SIP_HOST", "0.0.0.0"),
          Integer.parseInt(port.trim()),
          Arrays.stream(transports.split(","))
              .map(String::trim)
              .map(String::toLowerCase)
              .filter(t -> !t.isEmpty())
              .collect(Collectors.toSet()),
          valueOf(lookup, "BULWARK_SIP_REALM", "bulwark"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("BULWARK_SIP_PORT is not a number: " + port, e);
    }
  }

  static SipSettings fromEnvironment() {
    return from(Settings.environment());
  }

  SipContainerConfig containerConfig() {
    return new SipContainerConfig(host, port, transports, "bulwark");
  }
}
