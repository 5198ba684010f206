package io.bulwark.pbx.callpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallSecuritySettingsDraftTest {

  private static List<String> fields(CallSecuritySettingsDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void theGuidesDefaultAndTheBoundsAreTaken() {
    assertEquals(List.of(), fields(new CallSecuritySettingsDraft(true, 5, 1, "00", 10800)));
    assertEquals(List.of(), fields(new CallSecuritySettingsDraft(false, 1000, 3600, " 011 ", 1)));
  }

  @Test
  void missingOrOutOfRangeValuesAreEachReported() {
    assertEquals(
        List.of(
            "frequencyEnabled",
            "frequencyCalls",
            "frequencySeconds",
            "internationalPrefix",
            "maxCallSeconds"),
        fields(new CallSecuritySettingsDraft(null, 0, 3601, "+", 86_401)));
    assertEquals(
        List.of("frequencyCalls", "frequencySeconds", "internationalPrefix", "maxCallSeconds"),
        fields(new CallSecuritySettingsDraft(true, null, null, null, null)));
    assertEquals(
        List.of("internationalPrefix", "maxCallSeconds"),
        fields(new CallSecuritySettingsDraft(true, 5, 1, "00000", 0)));
  }
}
