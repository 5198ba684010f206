package io.bulwark.pbx.web.api;

import io.bulwark.pbx.defense.DefenseService;
import io.bulwark.pbx.defense.DefenseSettings;
import io.bulwark.pbx.defense.DefenseSettingsDraft;
import io.bulwark.pbx.defense.DefenseTable;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/defense/settings}: how long automatic blocks last, the registration lockout (so
 * many failed authentications from one address in so many seconds block it for so many minutes),
 * the user agents that mark a scanner, and the local networks (outside them only extensions that
 * allow remote registration may register or call), and the kernel backend ({@code kernelStatus},
 * read only, tells whether nft applied the table).
 */
@Path("/defense/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SECURITY)
public class DefenseSettingsResource {

  @Inject private DefenseService defense;
  @Inject private DefenseTable table;
  @Context private SecurityContext security;

  /** The settings; {@code version} is sent back with a change. */
  public record Settings(
      Integer autoBlockMinutes,
      Integer lockoutAttempts,
      Integer lockoutSeconds,
      Integer lockoutMinutes,
      List<String> scannerAgents,
      List<String> localNetworks,
      Boolean kernelBackend,
      String kernelStatus,
      Integer version) {}

  @GET
  @APIResponse(responseCode = "200", description = "The defense settings")
  public Settings get() {
    return view(defense.settings());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "The settings as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Settings update(Settings input) {
    Settings body = Requests.required(input);
    return view(
        defense.updateSettings(
            body.version(),
            new DefenseSettingsDraft(
                body.autoBlockMinutes(),
                body.lockoutAttempts(),
                body.lockoutSeconds(),
                body.lockoutMinutes(),
                body.scannerAgents(),
                body.localNetworks(),
                body.kernelBackend()),
            Requests.actor(security)));
  }

  private Settings view(DefenseSettings s) {
    return new Settings(
        s.getAutoBlockMinutes(),
        s.getLockoutAttempts(),
        s.getLockoutSeconds(),
        s.getLockoutMinutes(),
        s.getScannerAgents(),
        s.getLocalNetworks(),
        s.isKernelBackend(),
        table.kernelStatus(),
        s.getVersion());
  }
}
