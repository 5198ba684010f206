package io.bulwark.pbx.web.api;

import io.bulwark.pbx.routing.OutboundRoute;
import io.bulwark.pbx.routing.OutboundRouteDraft;
import io.bulwark.pbx.routing.OutboundRouteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/outbound-routes}: outbound routes in the order they are tried; create, change,
 * move up or down, delete.
 */
@Path("/outbound-routes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutboundRouteResource
    extends OrderedRouteResource<
        OutboundRoute, OutboundRouteDraft, RouteJson.OutboundView, RouteJson.OutboundInput> {

  @Inject private OutboundRouteService routes;

  @Override
  OutboundRouteService routes() {
    return routes;
  }

  @Override
  RouteJson.OutboundView view(OutboundRoute route) {
    return RouteJson.OutboundView.of(route, routes.pinOf(route));
  }
}
