package io.bulwark.pbx.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteOrderTest {

  private static final List<String> ROUTES = List.of("local", "national", "international");

  @Test
  void upSwapsWithThePreviousRouteAndDownWithTheNext() {
    assertEquals(Optional.of("local"), RouteOrder.neighbour(ROUTES, "national", Direction.UP));
    assertEquals(
        Optional.of("international"), RouteOrder.neighbour(ROUTES, "national", Direction.DOWN));
  }

  @Test
  void theEndsOfTheListDoNotMoveFurther() {
    assertEquals(Optional.empty(), RouteOrder.neighbour(ROUTES, "local", Direction.UP));
    assertEquals(Optional.empty(), RouteOrder.neighbour(ROUTES, "international", Direction.DOWN));
    assertEquals(Optional.empty(), RouteOrder.neighbour(ROUTES, "unknown", Direction.DOWN));
  }

  @Test
  void directionsAreReadInAnyCase() {
    assertEquals(Optional.of(Direction.UP), Direction.parse(" Up "));
    assertEquals(Optional.of(Direction.DOWN), Direction.parse("down"));
    assertEquals(Optional.empty(), Direction.parse("sideways"));
    assertEquals(Optional.empty(), Direction.parse(null));
  }
}
