package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.activity.Series;
import io.bulwark.pbx.event.EventType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * The dashboard's charts as Chart.js configurations, the JSON that {@code p:chart} takes. Labels
 * are the periods' starts in milliseconds since the epoch: {@code Bulwark.chartTimes} (bulwark.js)
 * turns them into the viewer's local time, which the server does not know.
 */
final class ActivityCharts {

  // Colours with at least 4.5:1 against the white card; lines differ by dash too, not colour only.
  private static final String BLUE = "#1d4ed8";
  private static final String RED = "#b91c1c";
  private static final Map<EventType.Severity, String> SEVERITY_COLOURS =
      Map.of(
          EventType.Severity.INFO, BLUE,
          EventType.Severity.WARNING, "#b45309",
          EventType.Severity.ALERT, RED);

  private ActivityCharts() {}

  /** A line each for registrations accepted and failed authentications, per minute. */
  static String perMinute(Series registrations, Series failedAuthentications) {
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", starts(registrations))
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(line("Registrations accepted", registrations, BLUE))
                        .add(
                            line("Failed authentications", failedAuthentications, RED)
                                .add("borderDash", Json.createArrayBuilder().add(6).add(4)))))
        .add("options", options(false))
        .build()
        .toString();
  }

  /** Bars of security events per hour, stacked by severity, least severe at the bottom. */
  static String perHour(Map<EventType.Severity, Series> bySeverity) {
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (var entry : bySeverity.entrySet()) {
      datasets.add(
          Json.createObjectBuilder()
              .add("label", entry.getKey().getLabel())
              .add("data", counts(entry.getValue()))
              .add("backgroundColor", SEVERITY_COLOURS.get(entry.getKey()))
              .add("pointStyle", "rect"));
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", starts(bySeverity.values().iterator().next()))
                .add("datasets", datasets))
        .add("options", options(true))
        .build()
        .toString();
  }

  private static JsonObjectBuilder line(String label, Series series, String colour) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", counts(series))
        .add("borderColor", colour)
        .add("backgroundColor", colour)
        .add("borderWidth", 2)
        .add("pointRadius", 0)
        .add("pointStyle", "line");
  }

  /** No animation: the poll redraws every few seconds, and a chart that moves then is noise. */
  private static JsonObjectBuilder options(boolean stacked) {
    return Json.createObjectBuilder()
        .add("animation", false)
        .add("maintainAspectRatio", false)
        .add("interaction", Json.createObjectBuilder().add("mode", "index").add("intersect", false))
        // The legend shows each dataset's point style: a line (dashed or not) or a square.
        .add(
            "plugins",
            Json.createObjectBuilder()
                .add(
                    "legend",
                    Json.createObjectBuilder()
                        .add("labels", Json.createObjectBuilder().add("usePointStyle", true))))
        .add(
            "scales",
            Json.createObjectBuilder()
                .add(
                    "x",
                    Json.createObjectBuilder()
                        .add("stacked", stacked)
                        .add(
                            "ticks",
                            Json.createObjectBuilder()
                                .add("maxRotation", 0)
                                .add("autoSkipPadding", 16)))
                .add(
                    "y",
                    Json.createObjectBuilder()
                        .add("stacked", stacked)
                        .add("beginAtZero", true)
                        .add("ticks", Json.createObjectBuilder().add("precision", 0))));
  }

  private static JsonArrayBuilder starts(Series series) {
    JsonArrayBuilder starts = Json.createArrayBuilder();
    for (int i = 0; i < series.counts().size(); i++) {
      starts.add(series.periodStart(i).toEpochMilli());
    }
    return starts;
  }

  private static JsonArrayBuilder counts(Series series) {
    JsonArrayBuilder counts = Json.createArrayBuilder();
    series.counts().forEach(counts::add);
    return counts;
  }
}
