package io.bulwark.pbx.event;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * A change to how a type of event is treated; a {@code null} template goes back to the one Bulwark
 * ships.
 */
public record EventSettingDraft(
    EventType.Severity level, boolean notification, EventTemplate template) {

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (level == null) {
      found.add(new FieldViolation("level", "Level is required: ALERT, WARNING or INFO"));
    }
    if (template != null) {
      found.addAll(template.violations());
    }
    return found;
  }

  String describe(EventType type) {
    return type.getLabel()
        + ": level "
        + level.getLabel()
        + ", notification "
        + (notification ? "on" : "off")
        + (template == null || EventTemplate.DEFAULT.equals(template)
            ? ", default template"
            : ", own template");
  }
}
