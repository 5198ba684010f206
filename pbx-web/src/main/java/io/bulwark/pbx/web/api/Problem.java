package io.bulwark.pbx.web.api;

import io.bulwark.pbx.system.FieldViolation;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An RFC 9457 problem document.
 *
 * @param errors the fields that are wrong, empty when the problem is not about input
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldViolation> errors) {

  public static final String MEDIA_TYPE_NAME = "application/problem+json";
  public static final MediaType MEDIA_TYPE = MediaType.valueOf(MEDIA_TYPE_NAME);

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

  /** The same document written by a servlet or filter, outside the REST runtime. */
  public static void write(HttpServletResponse response, int status, String detail)
      throws IOException {
    Response.Status known = Response.Status.fromStatusCode(status);
    String json =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", known == null ? "Error" : known.getReasonPhrase())
            .add("status", status)
            .add("detail", detail)
            .add("errors", Json.createArrayBuilder())
            .build()
            .toString();
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    response.setContentType(MEDIA_TYPE.toString());
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
