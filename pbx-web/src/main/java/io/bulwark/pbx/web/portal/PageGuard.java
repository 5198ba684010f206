package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEventGate;
import io.bulwark.pbx.identity.Access;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.identity.RoleTable;
import io.bulwark.pbx.web.http.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The permission matrix for portal pages: a page opens (and posts back) only for a user whose roles
 * give view access to its area; any other gets 403 and an "Access denied" event. A page that exists
 * but has no area is no one's; one that does not exist is a 404. Changes on a page that may only be
 * viewed are stopped where they are made ({@link FormMessages#actor()}).
 */
@WebFilter(urlPatterns = "*.xhtml")
public class PageGuard extends HttpFilter {

  @Inject private RoleTable roles;
  @Inject private SecurityEventGate events;
  @Inject private Clock clock;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String page = request.getServletPath();
    Optional<Area> area = PortalPages.areaOf(page);
    // A page that does not exist is Faces' to answer, with 404.
    if (PortalPages.isForEveryone(page)
        || area.isEmpty() && request.getServletContext().getResource(page) == null
        || area.isPresent() && roles.of(request::isUserInRole).allows(area.get(), Access.VIEW)) {
      chain.doFilter(request, response);
      return;
    }
    events
        .throttle()
        .offer(
            new SecurityEvent(
                clock.instant(),
                EventType.ACCESS_DENIED,
                ClientAddress.of(request).getHostAddress(),
                request.getRemoteUser(),
                "reject",
                "Page "
                    + page
                    + " needs view access to "
                    + area.map(Area::getLabel).orElse("an area")),
            page);
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
