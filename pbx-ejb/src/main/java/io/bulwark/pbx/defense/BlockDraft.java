package io.bulwark.pbx.defense;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * What an administrator asks to block: an address or network, why, and for how many minutes ({@code
 * null}: until lifted).
 */
public record BlockDraft(String source, String reason, Integer minutes) {

  /** A year: longer than that is what a permanent block is for. */
  static final int MAX_MINUTES = 525_600;

  static final int MAX_REASON = 255;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    try {
      CidrBlock.parse(source);
    } catch (IllegalArgumentException e) {
      found.add(new FieldViolation("source", e.getMessage()));
    }
    if (reason == null || reason.isBlank()) {
      found.add(new FieldViolation("reason", "Say why the source is blocked"));
    } else if (reason.strip().length() > MAX_REASON) {
      found.add(new FieldViolation("reason", "At most " + MAX_REASON + " characters"));
    }
    if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
      found.add(
          new FieldViolation(
              "minutes",
              "From 1 to " + MAX_MINUTES + " minutes; leave it empty for a permanent block"));
    }
    return found;
  }
}
