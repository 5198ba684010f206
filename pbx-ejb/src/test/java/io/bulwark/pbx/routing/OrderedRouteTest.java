package io.bulwark.pbx.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The columns and the move both kinds of route take from {@link OrderedRoute}. */
class OrderedRouteTest {

  @Test
  void aNewRouteHasItsPlaceAndTheDraftsName() {
    InboundRoute route = new InboundRoute(new InboundRouteDraft("Sales", "100", null, "2001"), 3);
    assertEquals(3, route.getPosition());
    assertEquals("Sales", route.getName());
    route.apply(new InboundRouteDraft("Support", "100", null, "2001"));
    assertEquals("Support", route.getName());
    assertEquals(3, route.getPosition(), "only a move changes the place");
  }

  @Test
  void swappingTradesPlacesWithTheNeighbour() {
    OutboundRoute local = outbound("Local", 1);
    OutboundRoute national = outbound("National", 2);
    national.swapPlaces(local);
    assertEquals(2, local.getPosition());
    assertEquals(1, national.getPosition());
  }

  private static OutboundRoute outbound(String name, int position) {
    return new OutboundRoute(
        new OutboundRouteDraft(
            name, List.of(new DialPatternDraft("9X.", 1, null)), List.of(1L), List.of(), null),
        position);
  }
}
