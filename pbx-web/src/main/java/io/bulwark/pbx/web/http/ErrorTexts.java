package io.bulwark.pbx.web.http;

import java.util.Map;

/** The fixed words for each error status: what a user can act on, never what failed inside. */
public final class ErrorTexts {

  private record Text(String title, String detail) {}

  private static final Map<Integer, Text> TEXTS =
      Map.ofEntries(
          Map.entry(400, new Text("Bad request", "The request is not valid.")),
          Map.entry(
              401,
              new Text("Sign-in required", "Sign in first: a valid bearer token is required.")),
          Map.entry(403, new Text("Access denied", "Your role does not allow this.")),
          Map.entry(404, new Text("Not found", "There is nothing at this address.")),
          Map.entry(
              405, new Text("Method not allowed", "This address does not accept that method.")),
          Map.entry(406, new Text("Not acceptable", "This address answers application/json only.")),
          Map.entry(
              413,
              new Text(
                  "Request too large",
                  "The request body is larger than "
                      + RequestBodyLimit.MAX_BYTES / 1024
                      + " KiB.")),
          Map.entry(
              415,
              new Text("Unsupported media type", "Send the request body as application/json.")),
          Map.entry(
              500,
              new Text(
                  "Something went wrong",
                  "The request could not be completed. The server log has the details.")),
          Map.entry(
              503,
              new Text("Unavailable", "The service is starting or overloaded. Try again soon.")));

  private ErrorTexts() {}

  public static String title(int status) {
    return textOf(status).title();
  }

  public static String detail(int status) {
    return textOf(status).detail();
  }

  private static Text textOf(int status) {
    Text text = TEXTS.get(status);
    if (text != null) {
      return text;
    }
    return status >= 500 ? TEXTS.get(500) : TEXTS.get(400);
  }
}
