package io.bulwark.pbx.system;

/**
 * A port, or a range of them, that another service uses here.
 *
 * @param service what uses it, as people read it: "the portal (HTTPS)"
 */
public record PortUse(String service, int from, int to) {

  public boolean covers(int port) {
    return port >= from && port <= to;
  }

  /** "Port 8443 is the portal's (HTTPS)": why {@code port} cannot be SIP's. */
  String refusal(int port) {
    return from == to
        ? "Port " + port + " is used by " + service
        : "Port " + port + " is in the range " + from + "-" + to + " of " + service;
  }
}
