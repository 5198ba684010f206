package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.PortUse;
import io.bulwark.pbx.system.SipPortsDraft;
import io.bulwark.pbx.system.SipPortsService;
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
 * {@code /api/v1/system/service-ports}: System > Network > Service Ports. SIP's ports ({@code
 * sipPort} for UDP and TCP, {@code sipTlsPort} for TLS, 0 for none) move at once, calls up are hung
 * up; {@code others} are the ports the other services use here, which SIP may not take.
 */
@Path("/system/service-ports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class ServicePortsResource {

  @Inject private SipPortsService ports;
  @Context private SecurityContext security;

  public record Ports(Integer sipPort, Integer sipTlsPort, List<PortUse> others, Integer version) {

    static Ports of(SipPortsService.Settings settings) {
      return new Ports(
          settings.ports().port(),
          settings.ports().tlsPort(),
          settings.others(),
          settings.version());
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "The ports in force")
  public Ports get() {
    return Ports.of(ports.settings());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "SIP listens on the new ports")
  @APIResponse(
      responseCode = "400",
      description = "A port is out of range, another service's, or in use; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "SIP could not listen on the new ports and stays on the old ones",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Ports update(Ports input) {
    Ports body = Requests.required(input);
    return Ports.of(
        ports.update(
            new SipPortsDraft(body.sipPort(), body.sipTlsPort()),
            body.version(),
            Requests.actor(security)));
  }
}
