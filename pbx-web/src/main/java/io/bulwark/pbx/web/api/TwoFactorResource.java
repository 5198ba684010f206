package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.identity.TwoFactorPolicy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/two-factor}: the roles whose holders must sign in with a second factor (an
 * authenticator app's code, enrolled at their first login when missing). Always the super
 * administrator; on a new system the administrator too. Anyone else who enrolled an authenticator
 * on their account page is asked for its code as well.
 */
@Path("/two-factor")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.ROLES)
public class TwoFactorResource {

  @Inject private TwoFactorPolicy policy;
  @Context private SecurityContext security;

  /** The roles, by name. */
  public record Policy(Set<String> roles) {}

  @GET
  @APIResponse(responseCode = "200", description = "The roles that must use a second factor")
  public Policy get() {
    return new Policy(policy.roles());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "The roles as changed")
  @APIResponse(
      responseCode = "400",
      description = "An unknown role, or the super administrator left out",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "Keycloak did not answer; nothing was changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Policy update(Policy input) {
    return new Policy(policy.update(Requests.required(input).roles(), Requests.actor(security)));
  }
}
