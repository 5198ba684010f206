package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.PortUse;
import io.bulwark.pbx.system.WebPortSetting;
import io.bulwark.pbx.system.WebPortsDraft;
import io.bulwark.pbx.system.WebPortsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/system/web-ports}: System > Service ports for the portal. A move opens the new
 * ports beside the old ones; it is kept by {@code POST .../confirm} sent to the new HTTPS port
 * within {@code confirmSeconds} (120 unless told), else undone.
 */
@Path("/system/web-ports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class WebPortsResource {

  @Inject private WebPortsService ports;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  /** A move waiting for its confirmation from {@code httpsPort}, undone at {@code until}. */
  public record Pending(int httpPort, int httpsPort, Instant until, String by) {

    static Pending of(WebPortSetting.Pending pending) {
      return pending == null
          ? null
          : new Pending(
              pending.ports().http(), pending.ports().https(), pending.until(), pending.by());
    }
  }

  public record Ports(
      Integer httpPort,
      Integer httpsPort,
      Integer confirmSeconds,
      Pending pending,
      List<PortUse> others,
      Integer version) {

    static Ports of(WebPortsService.Settings settings) {
      return new Ports(
          settings.ports().http(),
          settings.ports().https(),
          null,
          Pending.of(settings.pending()),
          settings.others(),
          settings.version());
    }
  }

  /** The confirmation; it has no fields, the port it reached says it all. */
  public record Confirmation() {}

  @GET
  @APIResponse(responseCode = "200", description = "The ports in force, and a move waiting")
  public Ports get() {
    return Ports.of(ports.settings());
  }

  @PUT
  @APIResponse(
      responseCode = "202",
      description = "The portal listens on the new ports too, until confirmed from there or undone")
  @APIResponse(responseCode = "200", description = "The ports asked for are the ones in force")
  @APIResponse(
      responseCode = "400",
      description = "A port is out of range, another service's, or in use; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else, or another move waits for its confirmation",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "The portal could not listen on the new ports and stays on the old ones",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response move(Ports input) {
    Ports body = Requests.required(input);
    Ports moved =
        Ports.of(
            ports.move(
                new WebPortsDraft(body.httpPort(), body.httpsPort(), body.confirmSeconds()),
                body.version(),
                Requests.actor(security)));
    return moved.pending() == null ? Response.ok(moved).build() : Response.accepted(moved).build();
  }

  @POST
  @Path("/confirm")
  @APIResponse(responseCode = "200", description = "The move is kept; the old ports close")
  @APIResponse(
      responseCode = "400",
      description = "Not sent to the new HTTPS port",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No move waits for a confirmation",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Ports confirm(Confirmation input) {
    Requests.required(input);
    return Ports.of(ports.confirm(request.getLocalPort(), Requests.actor(security)));
  }
}
