package io.bulwark.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotNamePasswordPolicyTest {

  @ParameterizedTest(name = "{0} for {1} {2}: refused={3}")
  @CsvSource({
    "Alice2026x, Alice, Smith, true",
    "xxSMITHxx9, Alice, Smith, true",
    " smith , Alice, Smith, true",
    "Vx7kTq2mPz, Alice, Smith, false",
    "Bo1Bo1Bo1X, Bo, Li, false",
    "Kq8wErty5z, , , false",
  })
  void aPasswordHoldingANameIsRefused(String password, String first, String last, boolean refused) {
    var error = NotNamePasswordPolicy.check(password, first, last);
    if (refused) {
      assertEquals(NotNamePasswordPolicy.ERROR, error.getMessage());
    } else {
      assertNull(error);
    }
  }
}
