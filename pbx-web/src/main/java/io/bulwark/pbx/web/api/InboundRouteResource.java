package io.bulwark.pbx.web.api;

import io.bulwark.pbx.routing.InboundRoute;
import io.bulwark.pbx.routing.InboundRouteDraft;
import io.bulwark.pbx.routing.InboundRouteService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/inbound-routes}: inbound routes in the order they are tried; create, change, move
 * up or down, delete.
 */
@Path("/inbound-routes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboundRouteResource
    extends OrderedRouteResource<
        InboundRoute, InboundRouteDraft, RouteJson.InboundView, RouteJson.InboundInput> {

  @Inject private InboundRouteService routes;

  @Override
  InboundRouteService routes() {
    return routes;
  }

  @Override
  RouteJson.InboundView view(InboundRoute route) {
    return RouteJson.InboundView.of(route);
  }
}
