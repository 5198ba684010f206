package io.bulwark.pbx.extension;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An extension group as an administrator writes it; whether the members exist is the service's. */
public record ExtensionGroupDraft(String name, List<String> members) {

  public ExtensionGroupDraft {
    name = name == null ? null : name.strip();
    members =
        members == null
            ? List.of()
            : members.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
  }

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    TextRules.name("name", "Group name", name).ifPresent(found::add);
    if (members.stream().anyMatch(m -> !TextRules.isExtensionNumber(m))) {
      found.add(new FieldViolation("members", "Members are extension numbers of 1 to 16 digits"));
    }
    return found;
  }
}
