package io.bulwark.pbx.routing;

import java.util.List;
import java.util.Optional;

/** Where a route moves in its ordered list. */
final class RouteOrder {

  private RouteOrder() {}

  /**
   * The route {@code moving} changes places with: the one before it (up) or after it (down) in
   * {@code ordered}; none at the top going up or at the bottom going down.
   */
  static <T> Optional<T> neighbour(List<T> ordered, T moving, Direction direction) {
    int index = ordered.indexOf(moving);
    int neighbour = direction == Direction.UP ? index - 1 : index + 1;
    if (index < 0 || neighbour < 0 || neighbour >= ordered.size()) {
      return Optional.empty();
    }
    return Optional.of(ordered.get(neighbour));
  }
}
