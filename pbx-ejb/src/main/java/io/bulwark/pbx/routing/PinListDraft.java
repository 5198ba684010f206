package io.bulwark.pbx.routing;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.TextRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** A PIN list as an administrator writes it. */
public record PinListDraft(String name, List<String> pins) {

  /** What a caller can key in: 3 to 12 digits. */
  static final Pattern PIN = Pattern.compile("[0-9]{3,12}");

  static final int MAX_PINS = 1_000;

  public PinListDraft {
    name = name == null ? null : name.strip();
    pins =
        pins == null
            ? List.of()
            : pins.stream().filter(Objects::nonNull).map(String::strip).toList();
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    TextRules.name("name", "PIN list name", name).ifPresent(found::add);
    if (pins.isEmpty() || pins.size() > MAX_PINS) {
      found.add(new FieldViolation("pins", "From 1 to " + MAX_PINS + " PINs"));
    } else if (pins.stream().anyMatch(p -> !PIN.matcher(p).matches())) {
      found.add(new FieldViolation("pins", "A PIN is 3 to 12 digits"));
    } else if (new HashSet<>(pins).size() != pins.size()) {
      found.add(new FieldViolation("pins", "A PIN appears twice"));
    }
    return found;
  }
}
