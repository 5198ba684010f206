package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.trunk.Trunk;
import io.bulwark.pbx.trunk.TrunkService;
import io.bulwark.pbx.trunk.TrunkStatusBoard;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/trunks}: create, list, read, change and delete SIP trunks. */
@Path("/trunks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.TRUNKS)
public class TrunkResource {

  @Inject private TrunkService trunks;
  @Inject private TrunkStatusBoard status;
  @Context private SecurityContext security;

  @GET
  @APIResponse(responseCode = "200", description = "All trunks, by name; never a password")
  public List<TrunkJson.View> list() {
    return trunks.all().stream().map(this::view).toList();
  }

  @GET
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The trunk; never its password")
  @APIResponse(
      responseCode = "404",
      description = "No trunk with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public TrunkJson.View get(@PathParam("id") long id) {
    return view(trunks.get(id));
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new trunk",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrunkJson.View.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(TrunkJson.Input input, @Context UriInfo uri) {
    Trunk created = trunks.create(Requests.required(input).draft(), Requests.actor(security));
    return Created.at(uri, created.getId(), view(created));
  }

  @PUT
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The trunk as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No trunk with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public TrunkJson.View update(@PathParam("id") long id, TrunkJson.Input input) {
    TrunkJson.Input accepted = Requests.required(input);
    return view(trunks.update(id, accepted.version(), accepted.draft(), Requests.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Deleted; its registration ends")
  @APIResponse(
      responseCode = "404",
      description = "No trunk with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "An outbound route uses the trunk; detail names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response delete(@PathParam("id") long id) {
    trunks.delete(id, Requests.actor(security));
    return Response.noContent().build();
  }

  private TrunkJson.View view(Trunk trunk) {
    return TrunkJson.View.of(trunk, status.statusOf(trunk.getId()));
  }
}
