package io.bulwark.pbx.web.api;

import io.bulwark.pbx.routing.OutboundRoute;
import io.bulwark.pbx.routing.OutboundRouteService;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * {@code /api/v1/outbound-routes}: outbound routes in the order they are tried; create, change,
 * move up or down, delete.
 */
@Path("/outbound-routes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPER_ADMINISTRATOR, Roles.ADMINISTRATOR})
public class OutboundRouteResource {

  @Inject private OutboundRouteService routes;
  @Context private SecurityContext security;

  @GET
  @APIResponse(
      responseCode = "200",
      description = "All outbound routes, in the order they are tried")
  public List<RouteJson.OutboundView> list() {
    return views(routes.all());
  }

  @GET
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The route")
  @APIResponse(
      responseCode = "404",
      description = "No outbound route with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public RouteJson.OutboundView get(@PathParam("id") long id) {
    return RouteJson.OutboundView.of(routes.get(id));
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created at the end of the list; Location names the new route",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RouteJson.OutboundView.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(RouteJson.OutboundInput input, @Context UriInfo uri) {
    OutboundRoute created =
        routes.create(Requests.required(input).draft(), Requests.actor(security));
    return Response.created(uri.getAbsolutePathBuilder().path(created.getId().toString()).build())
        .entity(RouteJson.OutboundView.of(created))
        .build();
  }

  @PUT
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The route as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No outbound route with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public RouteJson.OutboundView update(@PathParam("id") long id, RouteJson.OutboundInput input) {
    RouteJson.OutboundInput accepted = Requests.required(input);
    return RouteJson.OutboundView.of(
        routes.update(id, accepted.version(), accepted.draft(), Requests.actor(security)));
  }

  @POST
  @Path("/{id}/move")
  @APIResponse(
      responseCode = "200",
      description =
          "All outbound routes in their new order; at the top (up) or the bottom (down) nothing"
              + " moves")
  @APIResponse(
      responseCode = "400",
      description = "direction is not up or down",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No outbound route with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public List<RouteJson.OutboundView> move(@PathParam("id") long id, RouteJson.Move move) {
    return views(routes.move(id, Requests.direction(move), Requests.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No outbound route with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response delete(@PathParam("id") long id) {
    routes.delete(id, Requests.actor(security));
    return Response.noContent().build();
  }

  private static List<RouteJson.OutboundView> views(List<OutboundRoute> all) {
    return all.stream().map(RouteJson.OutboundView::of).toList();
  }
}
