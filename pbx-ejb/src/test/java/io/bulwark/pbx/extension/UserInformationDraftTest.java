package io.bulwark.pbx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserInformationDraftTest {

  private static List<String> fields(UserInformationDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }

  @ParameterizedTest(name = "mobile {0}: {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        "+43 660 1234567, ''",
        "(01) 234-567, ''",
        "null, ''",
        "'', ''",
        "12, user.mobile",
        "+43 660 12345678901234567890123456, user.mobile",
        "call me, user.mobile",
        "+43 660 123;4567, user.mobile",
      })
  void mobileNumbersAreDigitsWithTheUsualMarks(String mobile, String wrong) {
    assertEquals(
        wrong.isEmpty() ? List.of() : List.of(wrong),
        fields(new UserInformationDraft("Ada", "Lovelace", mobile, "operator")));
  }

  @Test
  void namesAreShortAndPrintableAndNoExtensionIsTheSuperAdministrator() {
    assertEquals(
        List.of("user.firstName", "user.lastName", "user.role"),
        fields(
            new UserInformationDraft(
                "x".repeat(65), "Love\u0007lace", null, "Super-Administrator")));
  }

  @Test
  void noRoleIsTheEmployees() {
    assertEquals("employee", new UserInformationDraft(null, null, null, " ").roleOrDefault());
    assertEquals(
        "operator", new UserInformationDraft(null, null, null, " operator ").roleOrDefault());
  }
}
