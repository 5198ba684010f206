package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.routing.OrderedRoute;
import io.bulwark.pbx.routing.OrderedRouteService;
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
 * The endpoints of one kind of ordered route: list in the order they are tried, read, create at the
 * end, change, move up or down, delete. The subclass names the path, the service and the JSON
 * shapes; inbound and outbound routes behave alike in everything else.
 *
 * @param <R> the route entity
 * @param <D> its draft
 * @param <V> the JSON the API returns for one
 * @param <I> the JSON the API accepts for one
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.CALL_CONTROL)
public abstract class OrderedRouteResource<
    R extends OrderedRoute, D, V, I extends RouteJson.Input<D>> {

  @Context private SecurityContext security;

  abstract OrderedRouteService<R, D> routes();

  abstract V view(R route);

  @GET
  @APIResponse(responseCode = "200", description = "All routes, in the order they are tried")
  public List<V> list() {
    return views(routes().all());
  }

  @GET
  @Path("/{id}")
  @APIResponse(responseCode = "200", description = "The route")
  @APIResponse(
      responseCode = "404",
      description = "No route with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public V get(@PathParam("id") long id) {
    return view(routes().get(id));
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created at the end of the list; Location names the new route",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(I input, @Context UriInfo uri) {
    R created = routes().create(Requests.required(input).draft(), actor());
    return Created.at(uri, created.getId(), view(created));
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
      description = "No route with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public V update(@PathParam("id") long id, I input) {
    I accepted = Requests.required(input);
    return view(routes().update(id, accepted.version(), accepted.draft(), actor()));
  }

  @POST
  @Path("/{id}/move")
  @APIResponse(
      responseCode = "200",
      description =
          "All routes in their new order; at the top (up) or the bottom (down) nothing moves")
  @APIResponse(
      responseCode = "400",
      description = "direction is not up or down",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No route with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public List<V> move(@PathParam("id") long id, RouteJson.Move move) {
    return views(routes().move(id, Requests.direction(move), actor()));
  }

  @DELETE
  @Path("/{id}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No route with this id",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response delete(@PathParam("id") long id) {
    routes().delete(id, actor());
    return Response.noContent().build();
  }

  private List<V> views(List<R> all) {
    return all.stream().map(this::view).toList();
  }

  private String actor() {
    return Requests.actor(security);
  }
}
