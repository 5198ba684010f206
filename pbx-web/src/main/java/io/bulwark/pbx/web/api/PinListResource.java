package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.routing.PinList;
import io.bulwark.pbx.routing.PinListDraft;
import io.bulwark.pbx.routing.PinListService;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/pin-lists}: the guide's PIN Lists, which outbound routes with {@code pinMode}
 * {@code LIST} name; a caller enters one of the list's PINs before the route takes the call.
 */
@Path("/pin-lists")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.CALL_CONTROL)
public class PinListResource {

  @Inject private PinListService lists;
  @Context private SecurityContext security;

  /** {@code pins}: 3 to 12 digits each; {@code version} is sent back with a change. */
  public record PinListView(long id, String name, List<String> pins, int version) {}

  public record PinListInput(String name, List<String> pins, Integer version) {
    PinListDraft draft() {
      return new PinListDraft(name, pins);
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "Every PIN list, by name")
  public List<PinListView> all() {
    return lists.all().stream().map(this::view).toList();
  }

  @GET
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The PIN list")
  @APIResponse(
      responseCode = "404",
      description = "No PIN list with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public PinListView get(@PathParam("id") long id) {
    return view(lists.get(id));
  }

  @POST
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(PinListInput input, @Context UriInfo uri) {
    PinList created = lists.create(Requests.required(input).draft(), Requests.actor(security));
    return Created.at(uri, created.getId(), view(created));
  }

  @PUT
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No PIN list with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public PinListView update(@PathParam("id") long id, PinListInput input) {
    PinListInput body = Requests.required(input);
    return view(lists.update(id, body.version(), body.draft(), Requests.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No PIN list with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "An outbound route uses the list; detail names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void delete(@PathParam("id") long id) {
    lists.delete(id, Requests.actor(security));
  }

  private PinListView view(PinList l) {
    return new PinListView(l.getId(), l.getName(), lists.pinsOf(l), l.getVersion());
  }
}
