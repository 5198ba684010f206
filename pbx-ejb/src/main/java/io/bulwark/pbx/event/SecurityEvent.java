package io.bulwark.pbx.event;

import java.time.Instant;

/**
 * Something Bulwark decided or an administrator changed.
 *
 * @param sourceIp where the request came from, or {@code null} for internal events
 * @param identity who or what it concerned: an extension, a registration name, an admin user
 * @param action what Bulwark did: {@code reject}, {@code create}, ...
 */
public record SecurityEvent(
    Instant occurredAt,
    EventType type,
    String sourceIp,
    String identity,
    String action,
    String detail) {

  /** One line of {@code key=value} pairs; values never contain spaces or quotes unescaped. */
  public String logLine() {
    return "event="
        + type
        + " ip="
        + token(sourceIp)
        + " identity="
        + token(identity)
        + " action="
        + token(action)
        + " detail=\""
        + (detail == null ? "" : escape(detail))
        + "\"";
  }

  /** Keeps the detail inside its quotes and on one line, whatever a client put in it. */
  private static String escape(String detail) {
    return detail
        .replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\r", "\\r")
        .replace("\n", "\\n")
        .replaceAll("\\p{Cntrl}", "?");
  }

  private static String token(String value) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    return value.replaceAll("[\\s\"=]", "_");
  }
}
