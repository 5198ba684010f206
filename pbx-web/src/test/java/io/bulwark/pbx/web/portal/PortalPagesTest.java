package io.bulwark.pbx.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.identity.Area;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PortalPagesTest {

  /** Every page the web application serves, as a browser asks for it: {@code /trunks.xhtml}. */
  private static List<String> pages() throws IOException {
    Path webapp = Path.of("src/main/webapp");
    try (Stream<Path> files = Files.list(webapp)) {
      return files
          .map(p -> "/" + p.getFileName())
          .filter(p -> p.endsWith(".xhtml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyPageIsEveryonesOrHasAnArea() throws IOException {
    List<String> pages = pages();
    assertTrue(pages.size() > 20, pages.toString());
    for (String page : pages) {
      assertTrue(
          PortalPages.isForEveryone(page) ^ PortalPages.areaOf(page).isPresent(),
          page + " is either everyone's or guarded by an area, never both nor neither");
    }
  }

  @Test
  void onlyTheDashboardTheUsersOwnExtensionAndTheScriptsAreEveryones() {
    assertTrue(PortalPages.isForEveryone("/"));
    assertTrue(PortalPages.isForEveryone("/index.xhtml"));
    assertTrue(PortalPages.isForEveryone("/my-extension.xhtml"));
    assertTrue(PortalPages.isForEveryone("/jakarta.faces.resource/core.js.xhtml"));
    assertFalse(PortalPages.isForEveryone("/extensions.xhtml"));
    assertFalse(PortalPages.isForEveryone("/jakarta.faces.resourcex/core.js.xhtml"));
    assertEquals(Optional.of(Area.ROLES), PortalPages.areaOf("/roles.xhtml"));
    assertEquals(Optional.of(Area.EVENT_LOGS), PortalPages.areaOf("/audit-log.xhtml"));
    assertEquals(Optional.empty(), PortalPages.areaOf("/no-such-page.xhtml"));
  }
}
