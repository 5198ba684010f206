package io.bulwark.pbx.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A route that lists extension groups is open to their members as they are now. */
class OutboundRouteGroupsTest {

  private final OutboundRoute route =
      persisted(
          new OutboundRoute(
              new OutboundRouteDraft(
                  "International",
                  List.of(new DialPatternDraft("900.", 1, null)),
                  List.of(1L),
                  List.of("2000"),
                  null,
                  null,
                  Arrays.asList(7L, null, 7L, 8L),
                  null),
              1));

  /** The route as the database gives it back: with its id. */
  private static OutboundRoute persisted(OutboundRoute route) {
    try {
      Field id = OrderedRoute.class.getDeclaredField("id");
      id.setAccessible(true);
      id.set(route, 42L);
      return route;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theMembersAreTheListedExtensionsAndEveryListedGroupsMembers() {
    OutboundRule rule =
        route.rule(
            g -> Map.of(7L, List.of("2001", "2002"), 8L, List.of("2002")).get(g), RoutePin.NONE);

    assertEquals(Set.of("2000", "2001", "2002"), rule.members());
    assertEquals(List.of(7L, 8L), route.getGroupIds());
    assertEquals(TimeCondition.ANY_TIME, rule.timeCondition());
  }

  @Test
  void aGroupLeftEmptyOpensTheRouteToNoOneMore() {
    assertEquals(Set.of("2000"), route.rule(g -> List.of(), RoutePin.NONE).members());
  }
}
