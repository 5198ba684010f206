package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.ApiClient;
import io.bulwark.pbx.identity.ApiClientDraft;
import io.bulwark.pbx.identity.ApiClientService;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/api-clients}: the clients scripts call the API with (OAuth 2 client credentials
 * against Keycloak's token endpoint, {@code clientId} and the secret). The secret is in the answer
 * to the creation and to {@code POST /{id}/secret} only; {@code DELETE} revokes the client, its
 * tokens included. Every request a client makes is in the audit log.
 */
@Path("/api-clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class ApiClientResource {

  @Inject private ApiClientService clients;
  @Context private SecurityContext security;

  /** A client as listed; {@code secret} only right after it was issued. */
  public record View(
      long id,
      String name,
      String clientId,
      String description,
      String role,
      Instant createdAt,
      String createdBy,
      Instant secretSetAt,
      String secret,
      int version) {

    static View of(ApiClient c, String secret) {
      return new View(
          c.getId(),
          c.getName(),
          c.getClientId(),
          c.getDescription(),
          c.getRole(),
          c.getCreatedAt(),
          c.getCreatedBy(),
          c.getSecretSetAt(),
          secret,
          c.getVersion());
    }
  }

  public record Input(String name, String description, String role, Integer version) {
    ApiClientDraft draft() {
      return new ApiClientDraft(name, description, role);
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "Every API client, by name, without secrets")
  public List<View> all() {
    return clients.all().stream().map(c -> View.of(c, null)).toList();
  }

  @GET
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The client, without its secret")
  @APIResponse(
      responseCode = "404",
      description = "No client with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public View get(@PathParam("id") long id) {
    return View.of(clients.get(id), null);
  }

  @POST
  @APIResponse(responseCode = "201", description = "Issued; the answer holds the secret, once")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "Keycloak did not answer; nothing was issued",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(Input input, @Context UriInfo uri) {
    ApiClientService.Issued issued =
        clients.create(Requests.required(input).draft(), Requests.actor(security));
    return Created.at(uri, issued.client().getId(), View.of(issued.client(), issued.secret()));
  }

  @PUT
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "As changed: description and role")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public View update(@PathParam("id") long id, Input input) {
    Input body = Requests.required(input);
    return View.of(
        clients.update(id, body.version(), body.draft(), Requests.actor(security)), null);
  }

  @POST
  @Path("/{id}/secret")
  @APIResponse(
      responseCode = "200",
      description = "A new secret, shown this once; the old one no longer works")
  @APIResponse(
      responseCode = "404",
      description = "No client with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public View rotate(@PathParam("id") long id) {
    ApiClientService.Issued issued = clients.rotate(id, Requests.actor(security));
    return View.of(issued.client(), issued.secret());
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Revoked: its secret and tokens stop working")
  @APIResponse(
      responseCode = "404",
      description = "No client with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response revoke(@PathParam("id") long id) {
    clients.revoke(id, Requests.actor(security));
    return Response.noContent().build();
  }
}
