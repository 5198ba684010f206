package io.bulwark.pbx.web.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;

/** Monitoring answers the machine itself only; anyone else gets the 404 of a page that is not. */
final class LoopbackOnly {

  private LoopbackOnly() {}

  /** True when the request may go on; otherwise it has been answered 404. */
  static boolean admit(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
      return true;
    }
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
    return false;
  }
}
