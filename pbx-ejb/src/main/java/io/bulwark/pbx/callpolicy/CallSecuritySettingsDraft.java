package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/** The call policy's settings as an administrator writes them. */
public record CallSecuritySettingsDraft(
    Boolean frequencyEnabled, Integer frequencyCalls, Integer frequencySeconds) {

  static final int MAX_CALLS = 1_000;
  static final int MAX_SECONDS = 3_600;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (frequencyEnabled == null) {
      found.add(new FieldViolation("frequencyEnabled", "Say whether the rule is on"));
    }
    if (frequencyCalls == null || frequencyCalls < 1 || frequencyCalls > MAX_CALLS) {
      found.add(new FieldViolation("frequencyCalls", "From 1 to " + MAX_CALLS + " calls"));
    }
    if (frequencySeconds == null || frequencySeconds < 1 || frequencySeconds > MAX_SECONDS) {
      found.add(new FieldViolation("frequencySeconds", "From 1 to " + MAX_SECONDS + " seconds"));
    }
    return found;
  }
}
