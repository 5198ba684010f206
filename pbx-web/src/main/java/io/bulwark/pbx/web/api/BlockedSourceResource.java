package io.bulwark.pbx.web.api;

import io.bulwark.pbx.defense.BlockDraft;
import io.bulwark.pbx.defense.BlockEntry;
import io.bulwark.pbx.defense.DefenseService;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.web.http.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/defense/blocked}: the Blocked IPs list; block a source by hand, lift a block. */
@Path("/defense/blocked")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SECURITY)
public class BlockedSourceResource {

  @Inject private DefenseService defense;
  @Inject private Clock clock;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  /**
   * A block as the list shows it; {@code until} null is permanent. An automatic block tells the
   * protocol and port attacked, and what was attacked when known ({@code SIP extension 1001}).
   */
  public record View(
      long id,
      String source,
      String defenseType,
      String reason,
      Instant blockedAt,
      Instant until,
      String blockedBy,
      String protocol,
      Integer attackedPort,
      String target,
      boolean active) {}

  /** What to block: an address or network, why, and for how many minutes (none: permanent). */
  public record Input(String source, String reason, Integer minutes) {}

  @GET
  @APIResponse(responseCode = "200", description = "Blocked IPs, newest first")
  public List<View> list() {
    Instant now = clock.instant();
    return defense.all().stream().map(b -> view(b, now)).toList();
  }

  @POST
  @APIResponse(responseCode = "201", description = "Blocked; Location names the block")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong, or the block would cover the caller's own address",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response block(Input input, @Context UriInfo uri) {
    Input body = Requests.required(input);
    BlockEntry created =
        defense.block(
            new BlockDraft(body.source(), body.reason(), body.minutes()),
            Requests.actor(security),
            ClientAddress.of(request));
    return Created.at(uri, created.getId(), view(created, clock.instant()));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "The block is lifted")
  @APIResponse(
      responseCode = "404",
      description = "No block with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void unblock(@PathParam("id") long id) {
    defense.unblock(id, Requests.actor(security));
  }

  private static View view(BlockEntry b, Instant now) {
    return new View(
        b.getId(),
        b.getSource(),
        b.getType().name(),
        b.getReason(),
        b.getBlockedAt(),
        b.getUntil(),
        b.getBlockedBy(),
        b.getProtocol() == null ? null : b.getProtocol().name(),
        b.getAttackedPort(),
        b.getTarget(),
        b.activeAt(now));
  }
}
