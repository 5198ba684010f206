package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.identity.Area;
import java.util.Map;
import java.util.Optional;

/**
 * The area of each portal page, as the permission matrix sees it. The dashboard is everyone's; a
 * page missing here is no one's, so a new page is closed until it is given an area.
 */
public final class PortalPages {

  static final String DASHBOARD = "/index.xhtml";

  /** The user portal: each user's own extension, which only they see there. */
  static final String MY_EXTENSION = "/my-extension.xhtml";

  private static final Map<String, Area> AREAS =
      Map.ofEntries(
          Map.entry("/extensions.xhtml", Area.EXTENSIONS),
          Map.entry("/extension-groups.xhtml", Area.EXTENSIONS),
          Map.entry("/trunks.xhtml", Area.TRUNKS),
          Map.entry("/roles.xhtml", Area.ROLES),
          Map.entry("/inbound-routes.xhtml", Area.CALL_CONTROL),
          Map.entry("/outbound-routes.xhtml", Area.CALL_CONTROL),
          Map.entry("/business-hours.xhtml", Area.CALL_CONTROL),
          Map.entry("/pin-lists.xhtml", Area.CALL_CONTROL),
          Map.entry("/blocked-numbers.xhtml", Area.CALL_SECURITY),
          Map.entry("/call-security.xhtml", Area.CALL_SECURITY),
          Map.entry("/frequency-rules.xhtml", Area.CALL_SECURITY),
          Map.entry("/country-codes.xhtml", Area.CALL_SECURITY),
          Map.entry("/security-overview.xhtml", Area.SECURITY),
          Map.entry("/static-defense.xhtml", Area.SECURITY),
          Map.entry("/auto-defense.xhtml", Area.SECURITY),
          Map.entry("/allowed-access.xhtml", Area.SECURITY),
          Map.entry("/blocked-ips.xhtml", Area.SECURITY),
          Map.entry("/active-calls.xhtml", Area.CALL_LOGS),
          Map.entry("/cdrs.xhtml", Area.CALL_LOGS),
          Map.entry("/events.xhtml", Area.EVENT_LOGS),
          Map.entry("/event-notification.xhtml", Area.EVENT_LOGS),
          Map.entry("/audit-log.xhtml", Area.EVENT_LOGS),
          Map.entry("/certificate.xhtml", Area.SYSTEM),
          Map.entry("/mail.xhtml", Area.SYSTEM),
          Map.entry("/backups.xhtml", Area.SYSTEM),
          Map.entry("/service-ports.xhtml", Area.SYSTEM),
          Map.entry("/upgrade.xhtml", Area.SYSTEM),
          Map.entry("/microsoft-sign-in.xhtml", Area.SYSTEM),
          Map.entry("/api-clients.xhtml", Area.SYSTEM));

  private PortalPages() {}

  /** Faces serves the pages' scripts and style sheets through the pages' own mapping. */
  static final String RESOURCES = "/jakarta.faces.resource/";

  /**
   * Whether every signed-in user may open {@code path}: the dashboard, their own extension, and the
   * scripts and style sheets every page needs.
   */
  static boolean isForEveryone(String path) {
    return path.equals(DASHBOARD)
        || path.equals("/")
        || path.equals(MY_EXTENSION)
        || path.startsWith(RESOURCES);
  }

  /** The area of the page at {@code path} ({@code /extensions.xhtml}), empty for none. */
  static Optional<Area> areaOf(String path) {
    return Optional.ofNullable(AREAS.get(path));
  }
}
