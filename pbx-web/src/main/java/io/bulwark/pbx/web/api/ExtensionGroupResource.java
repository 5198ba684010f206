package io.bulwark.pbx.web.api;

import io.bulwark.pbx.extension.ExtensionGroup;
import io.bulwark.pbx.extension.ExtensionGroupDraft;
import io.bulwark.pbx.extension.ExtensionGroupService;
import io.bulwark.pbx.identity.Area;
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
 * {@code /api/v1/extension-groups}: named sets of extensions, which an outbound route's {@code
 * groupIds} may list instead of each member.
 */
@Path("/extension-groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.EXTENSIONS)
public class ExtensionGroupResource {

  @Inject private ExtensionGroupService groups;
  @Context private SecurityContext security;

  /** {@code members}: the extensions' numbers; {@code version} is sent back with a change. */
  public record GroupView(long id, String name, List<String> members, int version) {}

  public record GroupInput(String name, List<String> members, Integer version) {
    ExtensionGroupDraft draft() {
      return new ExtensionGroupDraft(name, members);
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "Every group, by name")
  public List<GroupView> all() {
    return groups.all().stream().map(ExtensionGroupResource::view).toList();
  }

  @GET
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The group")
  @APIResponse(
      responseCode = "404",
      description = "No group with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public GroupView get(@PathParam("id") long id) {
    return view(groups.get(id));
  }

  @POST
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong or a member does not exist; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(GroupInput input, @Context UriInfo uri) {
    ExtensionGroup created =
        groups.create(Requests.required(input).draft(), Requests.actor(security));
    return Created.at(uri, created.getId(), view(created));
  }

  @PUT
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong or a member does not exist; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No group with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public GroupView update(@PathParam("id") long id, GroupInput input) {
    GroupInput body = Requests.required(input);
    return view(groups.update(id, body.version(), body.draft(), Requests.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No group with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "An outbound route lists the group; detail names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void delete(@PathParam("id") long id) {
    groups.delete(id, Requests.actor(security));
  }

  private static GroupView view(ExtensionGroup g) {
    return new GroupView(g.getId(), g.getName(), g.getMembers(), g.getVersion());
  }
}
