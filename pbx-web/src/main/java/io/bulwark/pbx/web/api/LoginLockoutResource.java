package io.bulwark.pbx.web.api;

import io.bulwark.pbx.defense.DefenseService;
import io.bulwark.pbx.defense.LoginLockoutDraft;
import io.bulwark.pbx.defense.LoginLockoutSettings;
import io.bulwark.pbx.identity.Area;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/defense/login-lockout}: the account lockout for failed logins to the portal, the
 * user portal and the API's token endpoint, per source address. {@code attempts} failures in {@code
 * seconds} block the address for {@code blockMinutes} ("Web login locked out"); {@code maxAttempts}
 * in {@code maxHours} block it until an administrator unblocks it ("Web user blocked out"). Both
 * blocks are in Blocked IPs as "Web login".
 */
@Path("/defense/login-lockout")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SECURITY)
public class LoginLockoutResource {

  @Inject private DefenseService defense;
  @Context private SecurityContext security;

  /** The lockout; {@code version} is sent back with a change. */
  public record Lockout(
      Integer attempts,
      Integer seconds,
      Integer blockMinutes,
      Integer maxAttempts,
      Integer maxHours,
      Integer version) {}

  @GET
  @APIResponse(responseCode = "200", description = "The login lockout")
  public Lockout get() {
    return view(defense.loginLockout());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "The lockout as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Lockout update(Lockout input) {
    Lockout body = Requests.required(input);
    return view(
        defense.updateLoginLockout(
            body.version(),
            new LoginLockoutDraft(
                body.attempts(),
                body.seconds(),
                body.blockMinutes(),
                body.maxAttempts(),
                body.maxHours()),
            Requests.actor(security)));
  }

  private static Lockout view(LoginLockoutSettings settings) {
    return new Lockout(
        settings.getAttempts(),
        settings.getSeconds(),
        settings.getBlockMinutes(),
        settings.getMaxAttempts(),
        settings.getMaxHours(),
        settings.getVersion());
  }
}
