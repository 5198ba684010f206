package io.bulwark.pbx.web.api;

import io.bulwark.pbx.extension.ExtensionDraft;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.identity.RoleTable;
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

/** {@code /api/v1/extensions}: create, list, read, change and delete SIP extensions. */
@Path("/extensions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.EXTENSIONS)
public class ExtensionResource {

  @Inject private ExtensionService extensions;
  @Inject private RoleTable roles;
  @Context private SecurityContext security;

  @GET
  @APIResponse(responseCode = "200", description = "All extensions, by number")
  public List<ExtensionJson.View> list() {
    return extensions.all().stream().map(ExtensionJson.View::of).toList();
  }

  @GET
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The extension")
  @APIResponse(
      responseCode = "404",
      description = "No extension with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public ExtensionJson.View get(@PathParam("id") long id) {
    return ExtensionJson.View.of(extensions.get(id));
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new extension",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExtensionJson.View.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(ExtensionJson.Input input, @Context UriInfo uri) {
    ExtensionDraft draft = Requests.required(input).draft();
    mayGive(draft);
    var created = extensions.create(draft, actor());
    return Created.at(uri, created.getId(), ExtensionJson.View.of(created));
  }

  @PUT
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The extension as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No extension with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public ExtensionJson.View update(@PathParam("id") long id, ExtensionJson.Input input) {
    ExtensionJson.Input accepted = Requests.required(input);
    ExtensionDraft draft = accepted.draft();
    mayGive(draft);
    return ExtensionJson.View.of(extensions.update(id, accepted.version(), draft, actor()));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Deleted; its phones stop working at once")
  @APIResponse(
      responseCode = "404",
      description = "No extension with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response delete(@PathParam("id") long id) {
    extensions.delete(id, actor());
    return Response.noContent().build();
  }

  private String actor() {
    return Requests.actor(security);
  }

  /** The role a draft gives must not reach further than the caller's own. */
  private void mayGive(ExtensionDraft draft) {
    if (draft.user() != null) {
      roles.checkGrant(security::isUserInRole, draft.user().roleOrDefault(), "user.role");
    }
  }
}
