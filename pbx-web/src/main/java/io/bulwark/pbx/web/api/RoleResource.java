package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Access;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.identity.BuiltInRole;
import io.bulwark.pbx.identity.CustomRole;
import io.bulwark.pbx.identity.Permissions;
import io.bulwark.pbx.identity.RoleDraft;
import io.bulwark.pbx.identity.RoleService;
import io.bulwark.pbx.system.NotFoundException;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/roles}: the seven built-in roles (fixed) and the custom ones, each with its access
 * ({@code NONE}, {@code VIEW}, {@code EDIT}) to every area. A role is a Keycloak realm role of the
 * same name; a user or API client holding it gets its access, and holding several gets the greatest
 * of each.
 */
@Path("/roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.ROLES)
public class RoleResource {

  @Inject private RoleService roles;
  @Context private SecurityContext security;

  /** A role; {@code access} names every area; {@code version} is null for a built-in role. */
  public record RoleView(
      String name,
      String label,
      String description,
      boolean builtIn,
      Map<String, String> access,
      Integer version) {}

  /** A custom role to create or change; an area {@code access} does not name gets no access. */
  public record RoleInput(
      String name, String description, Map<String, String> access, Integer version) {}

  /** A copy of a role under a new name. */
  public record CopyInput(String name, String description) {}

  @GET
  @APIResponse(responseCode = "200", description = "The built-in roles, then the custom ones")
  public List<RoleView> all() {
    List<RoleView> all = new ArrayList<>();
    for (BuiltInRole role : BuiltInRole.values()) {
      all.add(view(role));
    }
    roles.custom().forEach(role -> all.add(view(role)));
    return all;
  }

  @GET
  @Path("/{name}")
  @APIResponse(responseCode = "200", description = "The role")
  @APIResponse(
      responseCode = "404",
      description = "No role of this name",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public RoleView get(@PathParam("name") String name) {
    return BuiltInRole.named(name)
        .map(RoleResource::view)
        .or(() -> roles.find(name).map(RoleResource::view))
        .orElseThrow(() -> new NotFoundException("Role " + name + " does not exist"));
  }

  @POST
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "Keycloak did not answer; nothing was created",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(RoleInput input, @Context UriInfo uri) {
    RoleInput body = Requests.required(input);
    return created(
        uri,
        roles.create(
            new RoleDraft(body.name(), body.description(), body.access()),
            Requests.actor(security)));
  }

  @POST
  @Path("/{name}/copy")
  @APIResponse(responseCode = "201", description = "The copy; Location names it")
  @APIResponse(
      responseCode = "400",
      description = "The new name is wrong or taken",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No role of this name to copy",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response copy(@PathParam("name") String name, CopyInput input, @Context UriInfo uri) {
    CopyInput body = Requests.required(input);
    return created(
        uri, roles.copy(name, body.name(), body.description(), Requests.actor(security)));
  }

  @PUT
  @Path("/{name}")
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong, or the role is built in",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public RoleView update(@PathParam("name") String name, RoleInput input) {
    RoleInput body = Requests.required(input);
    return view(
        roles.update(
            name,
            body.version(),
            new RoleDraft(body.name(), body.description(), body.access()),
            Requests.actor(security)));
  }

  @DELETE
  @Path("/{name}")
  @APIResponse(responseCode = "204", description = "Deleted, here and in Keycloak")
  @APIResponse(
      responseCode = "400",
      description = "The role is built in",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "A user holds the role",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response delete(@PathParam("name") String name) {
    roles.delete(name, Requests.actor(security));
    return Response.noContent().build();
  }

  private static Response created(UriInfo uri, CustomRole role) {
    return Response.created(URI.create(uri.getBaseUri() + "roles/" + role.getName()))
        .entity(view(role))
        .build();
  }

  static RoleView view(BuiltInRole role) {
    return new RoleView(
        role.roleName(), role.getLabel(), "Built-in role", true, access(role.permissions()), null);
  }

  static RoleView view(CustomRole role) {
    return new RoleView(
        role.getName(),
        role.getName(),
        role.getDescription(),
        false,
        access(role.permissions()),
        role.getVersion());
  }

  private static Map<String, String> access(Permissions permissions) {
    Map<String, String> access = new LinkedHashMap<>();
    for (Map.Entry<Area, Access> entry : permissions.asMap().entrySet()) {
      access.put(entry.getKey().name(), entry.getValue().name());
    }
    return access;
  }
}
