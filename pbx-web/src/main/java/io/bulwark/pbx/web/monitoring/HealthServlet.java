package io.bulwark.pbx.web.monitoring;

import io.bulwark.pbx.system.SchemaMigration;
import io.bulwark.pbx.system.SipStatus;
import io.bulwark.pbx.upgrade.RunningRelease;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code GET /health}: 200 when every component answers, 503 otherwise, with one word per component
 * and the running release's version (the upgrade installer waits for the new one). Answered to
 * loopback only (the launcher, a local monitoring agent): it opens a database connection, a SIP
 * exchange and an HTTP request, which a stranger must not be able to trigger at will. A second of
 * caching bounds that cost for local callers too.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final long CACHE_NANOS = 1_000_000_000L;

  private record Snapshot(Map<String, Boolean> components, long takenAt) {
    boolean up() {
      return !components.containsValue(false);
    }
  }

  @Resource(lookup = "java:jboss/datasources/BulwarkDS")
  private DataSource database;

  @Inject private SipStatus sip;
  @Inject private RunningRelease release;
  @Inject private SchemaMigration schema;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private volatile Snapshot last;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!LoopbackOnly.admit(request, response)) {
      return;
    }
    Snapshot snapshot = last;
    if (snapshot == null || System.nanoTime() - snapshot.takenAt() > CACHE_NANOS) {
      snapshot = new Snapshot(check(), System.nanoTime());
      last = snapshot;
    }
    JsonObjectBuilder components = Json.createObjectBuilder();
    snapshot.components().forEach((name, up) -> components.add(name, up ? "UP" : "DOWN"));
    byte[] body =
        Json.createObjectBuilder()
            .add("status", snapshot.up() ? "UP" : "DOWN")
            .add("version", release.version().toString())
            .add("components", components)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(snapshot.up() ? 200 : 503);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private Map<String, Boolean> check() {
    Map<String, Boolean> components = new LinkedHashMap<>();
    components.put("wildfly", true); // this answer is WildFly's
    components.put(
        "sip", sip.udp().map(udp -> SipOptionsProbe.answers(udp, TIMEOUT)).orElse(false));
    components.put("database", databaseAnswers());
    components.put("schema", schema.isMigrated());
    components.put("keycloak", keycloakAnswers());
    return components;
  }

  private boolean databaseAnswers() {
    try (Connection connection = database.getConnection()) {
      return connection.isValid((int) TIMEOUT.toSeconds());
    } catch (SQLException e) {
      return false;
    }
  }

  private boolean keycloakAnswers() {
    String provider =
        System.getenv()
            .getOrDefault("BULWARK_OIDC_PROVIDER_URL", "http://127.0.0.1:8180/realms/bulwark");
    try {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(provider + "/.well-known/openid-configuration"))
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
