package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.PortUse;
import io.bulwark.pbx.system.RtpPortsDraft;
import io.bulwark.pbx.system.RtpPortsService;
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
 * {@code /api/v1/system/rtp-ports}: System > Service ports for the media relay. The relay starts
 * again on the new range at once, calls up are hung up; {@code managed} is false where Bulwark does
 * not start the relay, and the range cannot be changed here.
 */
@Path("/system/rtp-ports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class RtpPortsResource {

  @Inject private RtpPortsService ports;
  @Context private SecurityContext security;

  public record Ports(
      Integer rtpPortMin,
      Integer rtpPortMax,
      Boolean managed,
      List<PortUse> others,
      Integer version) {

    static Ports of(RtpPortsService.Settings settings) {
      return new Ports(
          settings.ports().min(),
          settings.ports().max(),
          settings.managed(),
          settings.others(),
          settings.version());
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "The range in force")
  public Ports get() {
    return Ports.of(ports.settings());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "The media relay runs on the new range")
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
      description = "The relay is not Bulwark's to start, or could not use the range; it stays",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Ports update(Ports input) {
    Ports body = Requests.required(input);
    return Ports.of(
        ports.update(
            new RtpPortsDraft(body.rtpPortMin(), body.rtpPortMax()),
            body.version(),
            Requests.actor(security)));
  }
}
