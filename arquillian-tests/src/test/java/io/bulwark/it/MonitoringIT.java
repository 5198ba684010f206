package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /metrics} as Prometheus scrapes it and {@code /api/v1/dashboard/activity} as the dashboard
 * charts it: well-formed, and counting what phones did.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MonitoringIT {

  private static final Pattern SAMPLE =
      Pattern.compile("([a-z_]+)(\\{[a-z]+=\"[^\"\\\\]*\"\\})? (-?[0-9.eE+-]+)");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private static Map<String, Double> scrape() {
    HttpResponse<String> response =
        Http.send(Http.request(TestEnvironment.publicUrl() + "/metrics").GET());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        response.headers().toString());
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertTrue(m.matches(), "not a Prometheus sample: " + line);
      samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.valueOf(m.group(3)));
    }
    return samples;
  }

  private static HttpResponse<String> activity(String role) {
    return Http.send(
        Http.request(TestEnvironment.publicUrl() + "/api/v1/dashboard/activity")
            .header("Authorization", "Bearer " + KeycloakAdmin.tokenWithRole(role))
            .header("Accept", "application/json")
            .GET());
  }

  private static JsonObject activity() {
    HttpResponse<String> response = activity("administrator");
    assertEquals(200, response.statusCode(), response.body());
    return Http.object(response);
  }

  private static long total(JsonObject series) {
    return series.getJsonArray("counts").getValuesAs(JsonNumber.class).stream()
        .mapToLong(JsonNumber::longValue)
        .sum();
  }

  private static long warningsToday() {
    return total(activity().getJsonObject("securityEventsPerHour").getJsonObject("WARNING"));
  }

  @Test
  void theCountersShowEveryRegistrationOfASippRun() throws InterruptedException {
    new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"))
        .createValid("3101", "reg3101", "Phon3Secret");
    Map<String, Double> before = scrape();
    JsonObject activityBefore = activity();
    int registrations = 5;

    for (int i = 0; i < registrations; i++) {
      assertEquals(200, Sipp.register("3101", "reg3101", "Phon3Secret", 300, "udp").finalStatus());
    }
    Sipp.register("3101", "reg3101", "Wr0ngSecret", 300, "udp", "127.0.0.51");

    Map<String, Double> after = scrape();
    String register = "bulwark_sip_requests_total{method=\"REGISTER\"}";
    // Each registration is a challenge and an authenticated REGISTER; the wrong password two more.
    assertEquals(2 * registrations + 2, after.get(register) - before.getOrDefault(register, 0.0));
    String ok = "bulwark_sip_responses_total{code=\"200\"}";
    assertEquals(registrations, after.get(ok) - before.getOrDefault(ok, 0.0));
    String failed = "bulwark_security_events_total{type=\"registration_failed\"}";
    assertEquals(1, after.get(failed) - before.getOrDefault(failed, 0.0));
    assertTrue(after.get("bulwark_registrations_active") >= 1);
    assertTrue(after.containsKey("bulwark_calls_active"));
    assertTrue(after.containsKey("bulwark_calls_total{disposition=\"answered\"}"));
    assertTrue(after.containsKey("bulwark_call_records_unwritten"));
    assertTrue(after.get("jvm_memory_used_bytes{area=\"heap\"}") > 0);
    assertTrue(after.get("process_cpu_seconds_total") > 0);

    JsonObject activityAfter = activity();
    for (String perMinute : List.of("registrationsPerMinute", "failedAuthenticationsPerMinute")) {
      assertEquals(60, activityAfter.getJsonObject(perMinute).getInt("stepSeconds"), perMinute);
      assertEquals(60, activityAfter.getJsonObject(perMinute).getJsonArray("counts").size());
    }
    assertEquals(
        registrations,
        total(activityAfter.getJsonObject("registrationsPerMinute"))
            - total(activityBefore.getJsonObject("registrationsPerMinute")));
    assertEquals(
        1,
        total(activityAfter.getJsonObject("failedAuthenticationsPerMinute"))
            - total(activityBefore.getJsonObject("failedAuthenticationsPerMinute")));
    Instant lastMinute =
        Instant.parse(activityAfter.getJsonObject("registrationsPerMinute").getString("start"))
            .plusSeconds(59 * 60);
    assertTrue(
        !lastMinute.isAfter(Instant.now()) && lastMinute.plusSeconds(60).isAfter(Instant.now()),
        "the last minute is the running one: " + lastMinute);

    JsonObject perHour = activityAfter.getJsonObject("securityEventsPerHour");
    assertEquals(List.of("INFO", "WARNING", "ALERT"), List.copyOf(perHour.keySet()));
    JsonObject warnings = perHour.getJsonObject("WARNING");
    assertEquals(3600, warnings.getInt("stepSeconds"));
    assertEquals(24, warnings.getJsonArray("counts").size());
    assertEquals(0, Instant.parse(warnings.getString("start")).getEpochSecond() % 3600);
    // The refused REGISTER is a warning in the event log, recorded within a second or so.
    long expected =
        total(activityBefore.getJsonObject("securityEventsPerHour").getJsonObject("WARNING")) + 1;
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (warningsToday() < expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(expected, warningsToday());
  }

  @Test
  void theDashboardActivityIsForAdministratorsOnly() {
    HttpResponse<String> response = activity("employee");

    Problems.assertProblem(403, response);
  }
}
