package io.bulwark.pbx.web.api;

import io.bulwark.pbx.cdr.CallDetailRecord;
import io.bulwark.pbx.cdr.LiveCalls;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/calls/live}: the calls ringing or up right now, and hanging one up. */
@Path("/calls/live")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Guarded(Area.CALL_LOGS)
public class LiveCallResource {

  /** One live call; {@code answeredAt} is empty while it rings. */
  public record View(
      String id,
      String caller,
      String callerName,
      String dialled,
      String callee,
      String route,
      String trunk,
      Instant startedAt,
      Instant answeredAt,
      String state) {

    static View of(CallDetailRecord r) {
      var p = r.parties();
      return new View(
          r.key(),
          p.caller(),
          p.callerName(),
          p.dialled(),
          p.callee(),
          p.route(),
          p.trunk(),
          r.startedAt(),
          r.answeredAt(),
          r.isAnswered() ? "TALKING" : "RINGING");
    }
  }

  @Inject private LiveCalls calls;
  @Context private SecurityContext security;

  @GET
  @APIResponse(responseCode = "200", description = "The live calls, oldest first")
  public List<View> list() {
    return calls.list().stream().map(View::of).toList();
  }

  /** Hangs the call up on both sides; its call record says who did it. */
  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Hung up")
  @APIResponse(
      responseCode = "404",
      description = "No live call with this id (it may have ended)",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response hangUp(@PathParam("id") String id) {
    String actor =
        security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    if (!calls.hangUp(id, actor)) {
      throw new NotFoundException("No live call with this id; it may have ended");
    }
    return Response.noContent().build();
  }
}
