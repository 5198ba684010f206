package io.bulwark.pbx.web.monitoring;

import java.util.Map;

/**
 * Writes metrics in Prometheus' text exposition format (version 0.0.4): a HELP and a TYPE line per
 * metric, then one line per sample; label values escaped as the format says.
 */
final class PrometheusText {

  private final StringBuilder out = new StringBuilder(4096);

  PrometheusText counter(String name, String help, double value) {
    return header(name, help, "counter").sample(name, null, null, value);
  }

  PrometheusText gauge(String name, String help, double value) {
    return header(name, help, "gauge").sample(name, null, null, value);
  }

  <K> PrometheusText counters(
      String name, String help, String label, Map<K, ? extends Number> values) {
    header(name, help, "counter");
    values.forEach((key, value) -> sample(name, label, String.valueOf(key), value.doubleValue()));
    return this;
  }

  <K> PrometheusText gauges(
      String name, String help, String label, Map<K, ? extends Number> values) {
    header(name, help, "gauge");
    values.forEach((key, value) -> sample(name, label, String.valueOf(key), value.doubleValue()));
    return this;
  }

  private PrometheusText header(String name, String help, String type) {
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help.replace("\\", "\\\\").replace("\n", "\\n"))
        .append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  private PrometheusText sample(String name, String label, String labelValue, double value) {
    out.append(name);
    if (label != null) {
      out.append('{')
          .append(label)
          .append("=\"")
          .append(labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
          .append("\"}");
    }
    out.append(' ').append(format(value)).append('\n');
    return this;
  }

  private static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
