package io.bulwark.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** The calls' REST API as an administrator uses it: live calls, hang-up and the call log. */
public final class CallsApi {

  private final String token;

  public CallsApi(String token) {
    this.token = token;
  }

  public JsonArray live() {
    HttpResponse<String> response = Http.send(Http.authorized(url("/calls/live"), token).GET());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /calls/live: " + response.statusCode());
    }
    return Http.array(response);
  }

  public HttpResponse<String> hangUp(String id) {
    return Http.send(Http.authorized(url("/calls/live/" + id), token).DELETE());
  }

  /** {@code GET /api/v1/cdrs?query}. */
  public HttpResponse<String> cdrs(String query) {
    return Http.send(Http.authorized(url("/cdrs?" + query), token).GET());
  }

  /** As a client that names no type: {@code Accept: *}{@code /*}. */
  public HttpResponse<String> cdrsAcceptingAnything(String query) {
    return Http.send(
        Http.authorized(url("/cdrs?" + query), token).setHeader("Accept", "*/*").GET());
  }

  public HttpResponse<String> cdrsCsv(String query) {
    return Http.send(
        Http.authorized(url("/cdrs?" + query), token).setHeader("Accept", "text/csv").GET());
  }

  /** The call records of calls to or from {@code number}, newest first. */
  public JsonArray recordsOf(String number) {
    HttpResponse<String> response = cdrs("number=" + number);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /cdrs: " + response.statusCode() + response.body());
    }
    JsonObject page = Http.object(response);
    return page.getJsonArray("records");
  }

  private static String url(String path) {
    return TestEnvironment.publicUrl() + "/api/v1" + path;
  }

  /** The live call to {@code dialled} once it is answered, within 15 s. */
  public JsonObject awaitTalking(String dialled) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonObject call : live().getValuesAs(JsonObject.class)) {
        if (dialled.equals(call.getString("dialled"))
            && "TALKING".equals(call.getString("state"))) {
          return call;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no call to " + dialled + " was answered within 15 s");
  }
}
