package io.bulwark.pbx.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a POST that created something: 201, its address in Location, and its view. */
final class Created {

  private Created() {}

  /** {@code uri} is the collection's request; the new resource lives below it under its id. */
  static Response at(UriInfo uri, Long id, Object view) {
    return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
        .entity(view)
        .build();
  }
}
