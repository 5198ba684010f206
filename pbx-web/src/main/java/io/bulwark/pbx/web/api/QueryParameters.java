package io.bulwark.pbx.web.api;

import io.bulwark.pbx.system.FieldViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Query parameters of the list endpoints read as values; each wrong one adds a violation naming the
 * parameter, so that one answer lists them all.
 */
final class QueryParameters {

  private QueryParameters() {}

  /** An ISO 8601 instant, or null when the parameter is absent. */
  static Instant instant(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(
          new FieldViolation(
              field, field + " must be an ISO 8601 instant such as 2026-11-30T08:00:00Z"));
      return null;
    }
  }

  /** The constants named, in any case; the parameter may repeat. */
  static <E extends Enum<E>> Set<E> constants(
      String field, List<String> names, Class<E> type, List<FieldViolation> violations) {
    Set<E> chosen = EnumSet.noneOf(type);
    for (String name : names == null ? List.<String>of() : names) {
      try {
        chosen.add(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation(field, "Unknown " + field + ": " + clip(name)));
      }
    }
    return chosen;
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
