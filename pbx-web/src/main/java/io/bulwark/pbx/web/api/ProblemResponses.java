package io.bulwark.pbx.web.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every operation of the API description the errors any operation may answer, and to every
 * operation that reads a body those of the body, so each resource states only its own. Named in
 * {@code META-INF/microprofile-config.properties} ({@code mp.openapi.filter}).
 */
public class ProblemResponses implements OASFilter {

  private static final Map<String, String> EVERY_OPERATION =
      Map.of(
          "401", "No valid bearer token",
          "403", "The token's roles do not allow this",
          "500", "Failed inside; the server log has the details");

  private static final Map<String, String> WITH_A_BODY =
      Map.of(
          "413", "The body is larger than 64 KiB",
          "415", "The body is not application/json");

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    add(responses, EVERY_OPERATION);
    if (operation.getRequestBody() != null) {
      add(responses, WITH_A_BODY);
    }
    return operation;
  }

  private static void add(APIResponses responses, Map<String, String> errors) {
    errors.forEach(
        (code, description) -> {
          if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(
                code, OASFactory.createAPIResponse().description(description).content(problem()));
          }
        });
  }

  private static Content problem() {
    return OASFactory.createContent()
        .addMediaType(Problem.MEDIA_TYPE_NAME, OASFactory.createMediaType());
  }
}
