package io.bulwark.pbx.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** Posts a notification's JSON to a webhook, signed with the contact's secret. */
final class WebhookSender {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private WebhookSender() {}

  /**
   * @throws IOException when the receiver cannot be reached or does not answer 2xx; the message
   *     says which, in words fit for an administrator
   */
  static void post(String url, WebhookSecret secret, String json, Clock clock) throws IOException {
    long now = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Bulwark-PBX")
            .header("X-Bulwark-Timestamp", Long.toString(now))
            .header("X-Bulwark-Signature", secret.signature(now, json))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<Void> response;
    try {
      response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the webhook answered HTTP " + response.statusCode());
    }
  }
}
