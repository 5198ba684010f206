package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.routing.DialPattern;
import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Blocked numbers as an administrator writes them: a name and numbers or dial patterns ({@code
 * 1900NXXXXXX}, {@code 00881.}), in the syntax of the outbound routes.
 */
public record BlockedNumberDraft(String name, List<String> patterns) {

  static final int MAX_NAME = 64;
  static final int MAX_PATTERNS = 500;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (name == null || name.isBlank()) {
      found.add(new FieldViolation("name", "A name is required"));
    } else if (name.strip().length() > MAX_NAME) {
      found.add(new FieldViolation("name", "At most " + MAX_NAME + " characters"));
    }
    List<String> clean = cleanPatterns();
    if (clean.isEmpty()) {
      found.add(new FieldViolation("patterns", "Give at least one number or pattern"));
    } else if (clean.size() > MAX_PATTERNS) {
      found.add(new FieldViolation("patterns", "At most " + MAX_PATTERNS + " numbers or patterns"));
    } else {
      for (String pattern : clean) {
        try {
          DialPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
          found.add(new FieldViolation("patterns", e.getMessage()));
          break;
        }
      }
    }
    return found;
  }

  /** The patterns without blanks or repeats, in upper case, in the order given. */
  public List<String> cleanPatterns() {
    if (patterns == null) {
      return List.of();
    }
    LinkedHashSet<String> clean = new LinkedHashSet<>();
    for (String pattern : patterns) {
      if (pattern != null && !pattern.isBlank()) {
        clean.add(pattern.strip().toUpperCase(Locale.ROOT));
      }
    }
    return List.copyOf(clean);
  }
}
