package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockedNumberDraftTest {

  private static List<String> fields(BlockedNumberDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void patternsAreKeptOnceInUpperCaseWithoutBlanks() {
    BlockedNumberDraft draft =
        new BlockedNumberDraft(
            "Premium", Arrays.asList(" 1900nxxxxxx ", "", null, "1900NXXXXXX", "+881."));

    assertEquals(List.of(), fields(draft));
    assertEquals(List.of("1900NXXXXXX", "+881."), draft.cleanPatterns());
  }

  @Test
  void aNameAndAtLeastOneValidPatternAreRequired() {
    assertEquals(List.of("name", "patterns"), fields(new BlockedNumberDraft(" ", List.of())));
    assertEquals(List.of("name"), fields(new BlockedNumberDraft("n".repeat(65), List.of("1900."))));
    assertEquals(List.of("patterns"), fields(new BlockedNumberDraft("Bad", List.of("19.00"))));
    assertEquals(
        List.of("patterns"),
        fields(
            new BlockedNumberDraft(
                "Many",
                Collections.nCopies(501, "X").stream().map(x -> x + Math.random()).toList())));
  }

  @Test
  void everyPresetIsValid() {
    for (PremiumRatePresets.Preset preset : PremiumRatePresets.ALL) {
      assertEquals(
          List.of(),
          fields(new BlockedNumberDraft(preset.name(), preset.patterns())),
          preset.name());
    }
  }
}
