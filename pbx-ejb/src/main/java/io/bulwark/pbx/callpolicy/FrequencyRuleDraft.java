package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.TextRules;
import java.util.ArrayList;
import java.util.List;

/** A custom outbound call frequency rule as an administrator writes it. */
public record FrequencyRuleDraft(String name, Integer calls, Integer seconds) {

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    TextRules.name("name", "Rule name", name).ifPresent(found::add);
    if (calls == null || calls < 1 || calls > CallSecuritySettingsDraft.MAX_CALLS) {
      found.add(
          new FieldViolation(
              "calls", "From 1 to " + CallSecuritySettingsDraft.MAX_CALLS + " calls"));
    }
    if (seconds == null || seconds < 1 || seconds > CallSecuritySettingsDraft.MAX_SECONDS) {
      found.add(
          new FieldViolation(
              "seconds", "From 1 to " + CallSecuritySettingsDraft.MAX_SECONDS + " seconds"));
    }
    return found;
  }
}
