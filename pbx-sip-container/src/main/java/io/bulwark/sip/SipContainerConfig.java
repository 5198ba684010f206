package io.bulwark.sip;

import java.util.Set;

/**
 * Where and how the container listens.
 *
 * @param host address to bind ({@code 0.0.0.0} for all)
 * @param port SIP port for every transport
 * @param transports any of {@code udp}, {@code tcp}
 * @param stackName name of the stack, also the prefix of its thread names
 */
public record SipContainerConfig(String host, int port, Set<String> transports, String stackName) {

  public SipContainerConfig {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SIP port must be 1..65535, not " + port);
    }
    transports = Set.copyOf(transports);
    for (String t : transports) {
      if (!t.equals("udp") && !t.equals("tcp")) {
        throw new IllegalArgumentException("Unsupported SIP transport " + t);
      }
    }
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("At least one SIP transport is needed");
    }
  }
}
