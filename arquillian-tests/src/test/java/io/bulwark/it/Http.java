package io.bulwark.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTP client that trusts exactly the certificate Bulwark generated at first start, so TLS is
 * verified for real in the tests.
 */
public final class Http {

  private static final HttpClient CLIENT = create();

  private Http() {}

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body of a 200 answer, as bytes (a download). */
  public static byte[] bytes(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url));
  }

  /** A request to the API with a bearer token, asking for and sending JSON. */
  public static HttpRequest.Builder authorized(String url, String token) {
    return request(url)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json");
  }

  /**
   * {@code method} on {@code /api/v1} + {@code path} with a bearer {@code token}, sending {@code
   * body} as JSON when not null.
   */
  public static HttpResponse<String> api(
      String token, String method, String path, JsonStructure body) {
    return send(
        authorized(TestEnvironment.publicUrl() + "/api/v1" + path, token)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : json(body)));
  }

  public static HttpRequest.BodyPublisher json(JsonStructure body) {
    return HttpRequest.BodyPublishers.ofString(body.toString());
  }

  public static JsonObject object(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  public static jakarta.json.JsonArray array(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  /** A trust store holding Bulwark's generated certificate. */
  public static KeyStore trustStore() {
    try (InputStream in =
        new FileInputStream(TestEnvironment.home().resolve("certs/https.p12").toFile())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, TestEnvironment.secret("tls.pw").toCharArray());
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpClient create() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder()
          .sslContext(tls)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
