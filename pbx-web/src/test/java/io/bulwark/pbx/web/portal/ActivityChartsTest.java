package io.bulwark.pbx.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.activity.Series;
import io.bulwark.pbx.event.EventType.Severity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityChartsTest {

  private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static List<Long> longs(JsonArray array) {
    return array.getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList();
  }

  @Test
  void perMinuteHasALineEachLabelledWithThePeriodStartsInEpochMillis() {
    Duration minute = Duration.ofMinutes(1);
    JsonObject chart =
        parse(
            ActivityCharts.perMinute(
                new Series(START, minute, List.of(3L, 0L, 5L)),
                new Series(START, minute, List.of(0L, 1L, 0L))));

    assertEquals("line", chart.getString("type"));
    JsonObject data = chart.getJsonObject("data");
    long first = START.toEpochMilli();
    assertEquals(
        List.of(first, first + 60_000, first + 120_000), longs(data.getJsonArray("labels")));
    JsonArray datasets = data.getJsonArray("datasets");
    assertEquals("Registrations accepted", datasets.getJsonObject(0).getString("label"));
    assertEquals(List.of(3L, 0L, 5L), longs(datasets.getJsonObject(0).getJsonArray("data")));
    assertEquals("Failed authentications", datasets.getJsonObject(1).getString("label"));
    assertEquals(List.of(0L, 1L, 0L), longs(datasets.getJsonObject(1).getJsonArray("data")));
    assertEquals(false, chart.getJsonObject("options").getBoolean("animation"));
  }

  @Test
  void perHourStacksOneBarPerSeverityInTheGivenOrder() {
    Duration hour = Duration.ofHours(1);
    Map<Severity, Series> bySeverity = new LinkedHashMap<>();
    bySeverity.put(Severity.INFO, new Series(START, hour, List.of(2L, 0L)));
    bySeverity.put(Severity.WARNING, new Series(START, hour, List.of(0L, 7L)));
    bySeverity.put(Severity.ALERT, new Series(START, hour, List.of(1L, 0L)));

    JsonObject chart = parse(ActivityCharts.perHour(bySeverity));

    assertEquals("bar", chart.getString("type"));
    JsonObject data = chart.getJsonObject("data");
    assertEquals(
        List.of(START.toEpochMilli(), START.plus(hour).toEpochMilli()),
        longs(data.getJsonArray("labels")));
    JsonArray datasets = data.getJsonArray("datasets");
    assertEquals(
        List.of("Info", "Warning", "Alert"),
        datasets.getValuesAs(JsonObject.class).stream()
            .map(d -> ((JsonString) d.get("label")).getString())
            .toList());
    assertEquals(List.of(0L, 7L), longs(datasets.getJsonObject(1).getJsonArray("data")));
    JsonObject scales = chart.getJsonObject("options").getJsonObject("scales");
    assertEquals(true, scales.getJsonObject("x").getBoolean("stacked"));
    assertEquals(true, scales.getJsonObject("y").getBoolean("stacked"));
  }
}
