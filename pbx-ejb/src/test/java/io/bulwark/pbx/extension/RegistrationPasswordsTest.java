package io.bulwark.pbx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegistrationPasswordsTest {

  @Test
  void everyGeneratedPasswordPassesTheRulesAndAvoidsLookAlikes() {
    SplittableRandom random = new SplittableRandom(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String password = RegistrationPasswords.generate(random);
      assertEquals(RegistrationPasswords.LENGTH, password.length());
      assertTrue(
          new ExtensionDraft("1001", "A", "a1001", password, null).violations(true).isEmpty(),
          password);
      assertFalse(password.matches(".*[0O1lI].*"), password);
      seen.add(password);
    }
    assertEquals(10_000, seen.size(), "no repeats");
  }

  @Test
  void theRequiredKindsAreNotAlwaysInTheSamePlaces() {
    SplittableRandom random = new SplittableRandom(11);
    Set<Character> firstCharacters = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      firstCharacters.add(
          Character.getType(RegistrationPasswords.generate(random).charAt(0))
                  == Character.UPPERCASE_LETTER
              ? 'U'
              : 'o');
    }
    assertEquals(Set.of('U', 'o'), firstCharacters);
  }
}
