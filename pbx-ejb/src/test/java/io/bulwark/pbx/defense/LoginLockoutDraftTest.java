package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginLockoutDraftTest {

  @ParameterizedTest(name = "{0} in {1} s, {2} min; {3} in {4} h: {5}")
  @CsvSource(
      nullValues = "null",
      value = {
        "5, 300, 15, 15, 24, ''",
        "1, 1, 1, 2, 1, ''",
        "100, 86400, 525600, 1000, 720, ''",
        "0, 300, 15, 15, 24, attempts",
        "101, 300, 15, 150, 24, attempts",
        "null, 300, 15, 15, 24, attempts",
        "5, 0, 15, 15, 24, seconds",
        "5, 86401, 15, 15, 24, seconds",
        "5, 300, 0, 15, 24, blockMinutes",
        "5, 300, 525601, 15, 24, blockMinutes",
        "5, 300, 15, 1001, 24, maxAttempts",
        "5, 300, 15, 5, 24, maxAttempts",
        "5, 300, 15, 4, 24, maxAttempts",
        "5, 300, 15, 15, 0, maxHours",
        "5, 300, 15, 15, 721, maxHours",
      })
  void eachFieldIsChecked(
      Integer attempts,
      Integer seconds,
      Integer blockMinutes,
      Integer maxAttempts,
      Integer maxHours,
      String wrong) {
    List<String> fields =
        new LoginLockoutDraft(attempts, seconds, blockMinutes, maxAttempts, maxHours)
            .violations().stream().map(FieldViolation::field).toList();
    assertEquals(wrong.isEmpty() ? List.of() : List.of(wrong), fields);
  }

  @ParameterizedTest(name = "the lockout of a valid draft")
  @CsvSource("3, 60, 10, 6, 2")
  void aValidDraftIsTheLockout(int attempts, int seconds, int minutes, int max, int hours) {
    assertEquals(
        new LoginLockout(new RateLimit(3, 60), 10, new RateLimit(6, 7200)),
        new LoginLockoutDraft(attempts, seconds, minutes, max, hours).lockout());
    assertEquals(
        "3 failed logins in 60 s block for 10 min; 6 in 2 h for good",
        new LoginLockoutDraft(attempts, seconds, minutes, max, hours).lockout().describe());
  }
}
