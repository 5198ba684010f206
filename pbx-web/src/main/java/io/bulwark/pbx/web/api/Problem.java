package io.bulwark.pbx.web.api;

import io.bulwark.pbx.system.FieldViolation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param errors the fields that are wrong, empty when the problem is not about input
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldViolation> errors) {

  public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  public static Response response(Response.Status status, String detail) {
    return response(status, detail, List.of());
  }

  public static Response response(
      Response.Status status, String detail, List<FieldViolation> errors) {
    Problem problem =
        new Problem(
            "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
    return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
  }
}
