package io.bulwark.pbx.routing;

import java.util.Locale;
import java.util.Optional;

/** Where a route moves in its list: up is tried earlier, down later. */
public enum Direction {
  UP,
  DOWN;

  /** {@code up} or {@code down}, in any case; empty for anything else. */
  public static Optional<Direction> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Direction d : values()) {
      if (d.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
