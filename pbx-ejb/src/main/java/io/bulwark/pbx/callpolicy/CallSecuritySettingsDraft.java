package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The call policy's settings as an administrator writes them. */
public record CallSecuritySettingsDraft(
    Boolean frequencyEnabled,
    Integer frequencyCalls,
    Integer frequencySeconds,
    String internationalPrefix,
    Integer maxCallSeconds) {

  private static final Pattern PREFIX = Pattern.compile("[0-9]{1,4}");

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
    if (internationalPrefix == null || !PREFIX.matcher(internationalPrefix.strip()).matches()) {
      found.add(
          new FieldViolation(
              "internationalPrefix", "1 to 4 digits, such as 00 (Europe) or 011 (North America)"));
    }
    if (maxCallSeconds == null
        || maxCallSeconds < 1
        || maxCallSeconds > OutboundRestrictions.MAX_SECONDS) {
      found.add(
          new FieldViolation(
              "maxCallSeconds",
              "From 1 to " + OutboundRestrictions.MAX_SECONDS + " seconds (10800: three hours)"));
    }
    return found;
  }
}
