package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.PortUse;
import io.bulwark.pbx.system.SshAccessService;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/system/ssh-access}: the appliance's SSH service on or off ({@code enabled}), off
 * on a new system, and its {@code port} (left out: the port it has). {@code running} is the
 * service's real state, asked of the system; it is null where no helper manages SSH ({@code
 * managed} false), and then nothing can be changed here. {@code others} are the ports SSH may not
 * take.
 */
@Path("/system/ssh-access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class SshAccessResource {

  @Inject private SshAccessService ssh;
  @Context private SecurityContext security;

  public record SshAccess(
      Boolean enabled,
      Boolean running,
      Boolean managed,
      Integer port,
      List<PortUse> others,
      Integer version) {

    static SshAccess of(SshAccessService.Status status) {
      return new SshAccess(
          status.enabled(),
          status.running(),
          status.isManaged(),
          status.port(),
          status.others(),
          status.version());
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "Whether SSH is wanted, and whether it runs")
  public SshAccess get() {
    return SshAccess.of(ssh.status());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "SSH is on or off as asked, on the port asked")
  @APIResponse(
      responseCode = "400",
      description = "enabled is missing, or the port is out of range, another service's or in use",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "No helper manages SSH here, or it failed; nothing was changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public SshAccess update(SshAccess input) {
    SshAccess body = Requests.required(input);
    return SshAccess.of(
        ssh.update(body.enabled(), body.port(), body.version(), Requests.actor(security)));
  }
}
