package io.bulwark.pbx.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DialPatternTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    // X any digit, Z 1-9, N 2-9
    "X, 0, true",
    "X, 9, true",
    "X, a, false",
    "Z, 0, false",
    "Z, 1, true",
    "N, 1, false",
    "N, 2, true",
    "NXXNXXXXXX, 2125551234, true",
    "NXXNXXXXXX, 1125551234, false",
    "NXXNXXXXXX, 212555123, false",
    "NXXNXXXXXX, 21255512345, false",
    // sets
    "[1-5], 3, true",
    "[1-5], 6, false",
    "[135], 3, true",
    "[135], 2, false",
    "'[1-3,7]', 7, true",
    "'[1-3,7]', 5, false",
    "'9[1-3,7]X', 975, true",
    // literals, including * # +
    "*72, *72, true",
    "#1, #1, true",
    "+X., +4930123, true",
    "00X., 0049, true",
    "00X., 0149, false",
    // . one or more
    "9., 9, false",
    "9., 91, true",
    "9., 9123456789, true",
    "8X., 81, false",
    "8X., 812, true",
    // ! zero or more
    "9!, 9, true",
    "9!, 912, true",
    "9!, 8, false",
    // lower case letters mean the same
    "nxx, 212, true",
  })
  void matches(String pattern, String dialled, boolean expected) {
    assertEquals(expected, DialPattern.parse(pattern).matches(dialled));
  }

  @Test
  void aLoneDotMatchesAnyNonEmptyNumber() {
    DialPattern any = DialPattern.parse(".");
    assertTrue(any.matches("1"));
    assertTrue(any.matches("+4930123"));
    assertFalse(any.matches(""));
    assertFalse(any.matches(null));
  }

  @Test
  void stripDropsLeadingDigitsAndPrependGoesInFront() {
    DialPattern local = DialPattern.parse("9NXX.", 1, "+4930");
    assertEquals(Optional.of("+4930234567"), local.rewrite("9234567"));
    assertEquals(Optional.empty(), local.rewrite("8234567"));
  }

  @Test
  void withoutStripOrPrependTheNumberIsSentAsDialled() {
    assertEquals(Optional.of("0049301234"), DialPattern.parse("0X.").rewrite("0049301234"));
  }

  @Test
  void stripMayTakeTheWholeShortestNumber() {
    assertEquals(Optional.of("112"), DialPattern.parse("*", 1, "112").rewrite("*"));
    assertEquals(Optional.of("5"), DialPattern.parse("9.", 2, "").rewrite("995"));
  }

  @Test
  void patternIsKeptInUpperCaseWithoutSpaces() {
    DialPattern pattern = DialPattern.parse("  9nxx. ", 1, " 0 ".strip());
    assertEquals("9NXX.", pattern.pattern());
    assertEquals(1, pattern.strip());
    assertEquals("0", pattern.prepend());
    assertEquals(DialPattern.parse("9NXX.", 1, "0"), pattern);
    assertEquals(DialPattern.parse("9NXX.", 1, "0").hashCode(), pattern.hashCode());
    assertEquals("9NXX. strip 1 prepend 0", pattern.toString());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void aPatternIsRequired(String pattern) {
    assertRefused("Dial pattern is required", pattern, 0, null);
  }

  @Test
  void wildcardsOnlyEndAPattern() {
    assertRefused("Dial pattern 9.1: '.' may only end the pattern", "9.1", 0, null);
    assertRefused("Dial pattern 9!X: '!' may only end the pattern", "9!X", 0, null);
    assertRefused("Dial pattern ..: '.' may only end the pattern", "..", 0, null);
  }

  @Test
  void aPatternMustMatchSomething() {
    assertRefused(
        "Dial pattern ! matches no number; it needs at least one digit or '.'", "!", 0, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9A", "9 1", "9-1", "9]", "9(1)", "9?"})
  void unknownCharactersAreRefused(String pattern) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DialPattern.parse(pattern));
    assertTrue(e.getMessage().endsWith("is not allowed"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[5-1]", "[1-]", "[a]", "[1,,2]", "[12-4]", "[X]"})
  void badSetsAreRefused(String pattern) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DialPattern.parse(pattern));
    assertTrue(e.getMessage().contains("must list digits or ranges"), e.getMessage());
  }

  @Test
  void anUnclosedSetIsRefused() {
    assertRefused("Dial pattern 9[12: '[' is not closed", "9[12", 0, null);
  }

  @Test
  void aPatternHasAtMost64Characters() {
    DialPattern.parse("X".repeat(64));
    assertRefused("Dial pattern must be at most 64 characters", "X".repeat(65), 0, null);
  }

  @Test
  void stripCannotExceedTheShortestMatchingNumber() {
    assertRefused(
        "Strip must be 0 to 3, the length of the shortest number 9X. matches", "9X.", 4, null);
    assertRefused(
        "Strip must be 0 to 2, the length of the shortest number 9X! matches", "9X!", 3, null);
    assertRefused(
        "Strip must be 0 to 2, the length of the shortest number 9X matches", "9X", -1, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0a", "00 49", "1-2", "123456789012345678901234567890123"})
  void prependIsDigitsStarHashOrPlus(String prepend) {
    assertRefused("Prepend may use digits, '*', '#' and '+' (at most 32)", "9X.", 1, prepend);
  }

  @Test
  void prependMayUseStarHashAndPlus() {
    assertEquals(Optional.of("*67#+15"), DialPattern.parse("9X.", 1, "*67#+").rewrite("915"));
  }

  private static void assertRefused(String message, String pattern, int strip, String prepend) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DialPattern.parse(pattern, strip, prepend));
    assertEquals(message, e.getMessage());
  }
}
