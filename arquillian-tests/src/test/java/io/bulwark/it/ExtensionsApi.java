package io.bulwark.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Calls {@code /api/v1/extensions} with a bearer token. */
public final class ExtensionsApi {

  private final String token;

  public ExtensionsApi(String token) {
    this.token = token;
  }

  public static String url() {
    return TestEnvironment.publicUrl() + "/api/v1/extensions";
  }

  public HttpResponse<String> list() {
    return Http.send(authorized(url()).GET());
  }

  /** {@code GET /api/v1/registrations?query}: the location service's bindings. */
  public HttpResponse<String> registrations(String query) {
    return Http.send(
        authorized(TestEnvironment.publicUrl() + "/api/v1/registrations?" + query).GET());
  }

  public HttpResponse<String> get(long id) {
    return Http.send(authorized(url() + "/" + id).GET());
  }

  public HttpResponse<String> create(JsonObject body) {
    return Http.send(authorized(url()).POST(Http.json(body)));
  }

  public HttpResponse<String> update(long id, JsonObject body) {
    return Http.send(authorized(url() + "/" + id).PUT(Http.json(body)));
  }

  public HttpResponse<String> delete(long id) {
    return Http.send(authorized(url() + "/" + id).DELETE());
  }

  /** Creates an extension that must be accepted and returns its id. */
  public long createValid(String number, String registrationName, String secret) {
    HttpResponse<String> response =
        create(extension(number, "Test " + number, registrationName, secret, null));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("Extension not created: " + response.body());
    }
    return Http.object(response).getJsonNumber("id").longValue();
  }

  /**
   * Gives extension {@code id} the registration security {@code security} (the API's {@code
   * security} object; a field it leaves out takes a new extension's value), all else unchanged.
   */
  public HttpResponse<String> updateSecurity(long id, JsonObject security) {
    JsonObject current = Http.object(get(id));
    return update(
        id,
        Json.createObjectBuilder()
            .add("displayName", current.getString("displayName"))
            .add("registrationName", current.getString("registrationName"))
            .add("security", security)
            .build());
  }

  public static JsonObject extension(
      String number, String displayName, String registrationName, String secret, String email) {
    var body = Json.createObjectBuilder();
    if (number != null) {
      body.add("number", number);
    }
    if (displayName != null) {
      body.add("displayName", displayName);
    }
    if (registrationName != null) {
      body.add("registrationName", registrationName);
    }
    if (secret != null) {
      body.add("secret", secret);
    }
    if (email != null) {
      body.add("email", email);
    }
    return body.build();
  }

  private java.net.http.HttpRequest.Builder authorized(String url) {
    return Http.authorized(url, token);
  }
}
