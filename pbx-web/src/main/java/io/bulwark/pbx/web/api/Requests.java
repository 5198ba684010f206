package io.bulwark.pbx.web.api;

import static java.util.stream.Collectors.joining;

import io.bulwark.pbx.routing.Direction;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

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

  /**
   * The constant {@code value} names, in any case; {@code null} for none, left for the draft to
   * report as missing. Any other value is refused under {@code field}.
   */
  static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    throw new InvalidInputException(
        field,
        "One of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(joining(", ")));
  }

  /**
   * The time of day {@code value} names (02:30); {@code null} for none, left for the draft to
   * report as missing. Anything else is refused under {@code field}.
   */
  static LocalTime timeOfDay(String value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "A time of day such as 02:30");
    }
  }

  static Direction direction(RouteJson.Move move) {
    return Direction.parse(required(move).direction())
        .orElseThrow(() -> new InvalidInputException("direction", "Direction must be up or down"));
  }
}
