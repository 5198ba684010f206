package io.bulwark.pbx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionGroupDraftTest {

  private static List<String> fields(ExtensionGroupDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void membersAreStrippedOnceEach() {
    ExtensionGroupDraft draft =
        new ExtensionGroupDraft(" Sales ", Arrays.asList("2000", " 2001", null, "2000"));

    assertEquals(List.of(), fields(draft));
    assertEquals("Sales", draft.name());
    assertEquals(List.of("2000", "2001"), draft.members());
  }

  @Test
  void aNameIsRequiredAndMembersAreNumbers() {
    assertEquals(
        List.of("name", "members"), fields(new ExtensionGroupDraft(" ", List.of("2000", "sales"))));
  }
}
