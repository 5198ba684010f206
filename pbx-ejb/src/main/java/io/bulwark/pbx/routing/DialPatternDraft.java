package io.bulwark.pbx.routing;

import io.bulwark.pbx.system.FieldViolation;
import java.util.Optional;

/** One dial pattern row as typed: the pattern, how many digits to strip, what to prepend. */
public record DialPatternDraft(String pattern, Integer strip, String prepend) {

  public DialPattern parse() {
    return DialPattern.parse(pattern, strip == null ? 0 : strip, prepend);
  }

  /**
   * The first problem of this row, on the part it concerns ({@code dialPatterns[1].strip}), so the
   * administrator is pointed at what to change.
   */
  Optional<FieldViolation> violation(String field) {
    try {
      DialPattern.parse(pattern);
    } catch (IllegalArgumentException e) {
      return Optional.of(new FieldViolation(field + ".pattern", e.getMessage()));
    }
    try {
      DialPattern.parse(pattern, 0, prepend);
    } catch (IllegalArgumentException e) {
      return Optional.of(new FieldViolation(field + ".prepend", e.getMessage()));
    }
    try {
      parse();
    } catch (IllegalArgumentException e) {
      return Optional.of(new FieldViolation(field + ".strip", e.getMessage()));
    }
    return Optional.empty();
  }
}
