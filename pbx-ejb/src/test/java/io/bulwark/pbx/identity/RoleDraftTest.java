package io.bulwark.pbx.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleDraftTest {

  private static List<String> fields(RoleDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }

  @ParameterizedTest(name = "name {0}: {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "night-operator, ''",
        "ab, ''",
        "a, name",
        "null, name",
        "Night-Operator, name",
        "night operator, name",
        "9lives, name",
        "night_operator, name",
        "administrator, name",
        "super-administrator, name",
        "default-roles-bulwark, name",
        "two-factor-required, name",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefgh, ''",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghi, name",
      })
  void namesAreKeycloakRoleNamesNotBuiltInOnes(String name, String wrong) {
    assertEquals(
        wrong.isEmpty() ? List.of() : List.of(wrong), fields(new RoleDraft(name, "", Map.of())));
  }

  @Test
  void accessNamesAreAreasAndLevelsInAnyCase() {
    RoleDraft draft = new RoleDraft("reader", null, Map.of("trunks", "view", "CALL_LOGS", "Edit"));
    assertEquals(List.of(), fields(draft));
    assertEquals(Access.VIEW, draft.permissions().in(Area.TRUNKS));
    assertEquals(Access.EDIT, draft.permissions().in(Area.CALL_LOGS));
    assertEquals(Access.NONE, draft.permissions().in(Area.ROLES));
  }

  @Test
  void unknownAreasLevelsAndLongDescriptionsAreRefused() {
    assertEquals(List.of("access"), fields(new RoleDraft("reader", "", Map.of("PHONES", "VIEW"))));
    assertEquals(
        List.of("access.TRUNKS"), fields(new RoleDraft("reader", "", Map.of("TRUNKS", "ALL"))));
    assertEquals(List.of("description"), fields(new RoleDraft("reader", "x".repeat(256), null)));
  }
}
