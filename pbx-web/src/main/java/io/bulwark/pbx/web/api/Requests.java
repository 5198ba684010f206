package io.bulwark.pbx.web.api;

import io.bulwark.pbx.routing.Direction;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ws.rs.core.SecurityContext;

/** What every resource asks of a request: a body that is there, and who sent it. */
final class Requests {

  private Requests() {}

  /** The body; a request without one is refused like any other wrong input. */
  static <T> T required(T body) {
    if (body == null) {
      throw new InvalidInputException("body", "A JSON body is required");
    }
    return body;
  }

  /** The user named by the bearer token, for the event log. */
  static String actor(SecurityContext security) {
    return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
  }

  static Direction direction(RouteJson.Move move) {
    return Direction.parse(required(move).direction())
        .orElseThrow(() -> new InvalidInputException("direction", "Direction must be up or down"));
  }
}
