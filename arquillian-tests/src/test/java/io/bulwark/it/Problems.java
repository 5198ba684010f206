package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/** What an API client must see of an error: a problem document in fixed words. */
final class Problems {

  /** What a framework, a server or a stack trace would put in a body. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "RESTEASY|Exception|\\bat [a-z]+\\.|WildFly|Undertow|jakarta\\.|java\\.|io\\.bulwark|<html",
          Pattern.CASE_INSENSITIVE);

  private Problems() {}

  /** {@code status} as application/problem+json with a detail and nothing internal. */
  static void assertProblem(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"),
        response.headers().toString());
    JsonObject problem = Http.object(response);
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("detail").isBlank());
    assertFalse(INTERNALS.matcher(response.body()).find(), response.body());
  }

  /** As {@link #assertProblem(int, HttpResponse)}, and {@code field} is among its errors. */
  static void assertProblem(int status, HttpResponse<String> response, String field) {
    assertProblem(status, response);
    assertTrue(
        Http.object(response).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .anyMatch(e -> field.equals(e.getString("field"))),
        response.body());
  }
}
