package io.bulwark.pbx.web.api;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEventGate;
import io.bulwark.pbx.identity.Access;
import io.bulwark.pbx.identity.ApiClientTable;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.identity.RoleTable;
import io.bulwark.pbx.web.http.ClientAddress;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Locale;

/**
 * The permission matrix for the API: the caller's roles (built-in and custom realm roles in the
 * token) give an access per area, and the resource's {@link Guarded} area with the method's kind
 * (read or change) decides. A refusal is a 403 and an "Access denied" event.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PermissionFilter implements ContainerRequestFilter {

  @Context private ResourceInfo resource;
  @Context private HttpServletRequest request;
  @Inject private RoleTable roles;
  @Inject private ApiClientTable clients;
  @Inject private SecurityEventGate events;
  @Inject private Clock clock;

  @Override
  public void filter(ContainerRequestContext context) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return; // no resource matched: the runtime answers 404 or 405
    }
    Guarded guarded = method.getAnnotation(Guarded.class);
    if (guarded == null) {
      guarded = resource.getResourceClass().getAnnotation(Guarded.class);
    }
    String verb = context.getMethod().toUpperCase(Locale.ROOT);
    Access needed = verb.equals("GET") || verb.equals("HEAD") ? Access.VIEW : Access.EDIT;
    SecurityContext security = context.getSecurityContext();
    String principal =
        security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    if (clients.isRevoked(principal)) {
      context.abortWith(
          Problem.response(Response.Status.UNAUTHORIZED, "This API client was revoked"));
      return;
    }
    if (guarded != null && roles.of(security::isUserInRole).allows(guarded.value(), needed)) {
      return;
    }
    Area area = guarded == null ? null : guarded.value();
    events
        .throttle()
        .offer(
            new SecurityEvent(
                clock.instant(),
                EventType.ACCESS_DENIED,
                ClientAddress.of(request).getHostAddress(),
                principal,
                "reject",
                verb
                    + " /api/v1/"
                    + context.getUriInfo().getPath().replaceFirst("^/", "")
                    + " needs "
                    + needed.name().toLowerCase(Locale.ROOT)
                    + " access to "
                    + (area == null ? "an area" : area.getLabel())),
            (area == null ? "unguarded" : area.name()) + " " + needed);
    context.abortWith(
        Problem.response(
            Response.Status.FORBIDDEN,
            "Your role does not allow this"
                + (area == null
                    ? ""
                    : ": it needs "
                        + needed.name().toLowerCase(Locale.ROOT)
                        + " access to "
                        + area.getLabel())));
  }
}
