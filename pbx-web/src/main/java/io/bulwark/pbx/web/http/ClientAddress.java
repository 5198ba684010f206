package io.bulwark.pbx.web.http;

import jakarta.servlet.ServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The address a request came from, as the defense rules compare it. */
public final class ClientAddress {

  private ClientAddress() {}

  /** The peer's address; null when the container gives none. Nothing is looked up. */
  public static InetAddress of(ServletRequest request) {
    String peer = request == null ? null : request.getRemoteAddr();
    if (peer == null || peer.isEmpty()) {
      return null;
    }
    try {
      // The servlet container gives the numeric address, which the JDK parses without a lookup.
      return InetAddress.getByName(peer);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
