package io.bulwark.pbx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionDraftTest {

  private static final String NUMBER = "201";
  private static final String NAME = "Alice Smith";
  private static final String REG = "alice.201";
  private static final String SECRET = "Lantern7Pebble";
  private static final String EMAIL = "alice@example.com";

  private static final String SECRET_LENGTH = "Registration password must be 8 to 63 characters";
  private static final String SECRET_MIX =
      "Registration password must mix upper-case letters, lower-case letters and digits";
  private static final String SECRET_CHARSET =
      "Registration password may use printable ASCII except spaces, quotes and backslashes";

  private static List<FieldViolation> check(ExtensionDraft draft) {
    return draft.violations(true);
  }

  private static void assertSingle(String field, String message, ExtensionDraft draft) {
    assertEquals(List.of(new FieldViolation(field, message)), check(draft));
  }

  private static void assertValid(ExtensionDraft draft) {
    assertEquals(List.of(), check(draft));
  }

  @Test
  void validDraftHasNoViolations() {
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, SECRET, EMAIL));
  }

  @Test
  void validDraftWithoutEmailHasNoViolations() {
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, SECRET, null));
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, SECRET, ""));
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, SECRET, "   "));
  }

  // --- number ---

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void numberIsRequired(String number) {
    assertSingle(
        "number",
        "Extension number is required",
        new ExtensionDraft(number, NAME, REG, SECRET, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12a", "+201", "20 1", "-1", "1.5", "12345678901234567"})
  void numberMustBeOneToSixteenDigits(String number) {
    assertSingle(
        "number",
        "Extension number must be 1 to 16 digits",
        new ExtensionDraft(number, NAME, REG, SECRET, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "7", "0042", "1234567890123456"})
  void numberOfOneToSixteenDigitsIsAccepted(String number) {
    assertValid(new ExtensionDraft(number, NAME, REG, SECRET, EMAIL));
  }

  @Test
  void numberRejectsNonAsciiDigits() {
    // Arabic-Indic digits are Character.isDigit, but not dialable.
    assertSingle(
        "number",
        "Extension number must be 1 to 16 digits",
        new ExtensionDraft("\u0662\u0660\u0661", NAME, REG, SECRET, EMAIL));
  }

  // --- display name ---

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" \t "})
  void displayNameIsRequired(String displayName) {
    assertSingle(
        "displayName",
        "Caller ID name is required",
        new ExtensionDraft(NUMBER, displayName, REG, SECRET, EMAIL));
  }

  @Test
  void displayNameOfSixtyFourCharactersIsAccepted() {
    assertValid(new ExtensionDraft(NUMBER, "x".repeat(64), REG, SECRET, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Alice\nSmith", "Alice\tSmith", "Alice\u0000", "Bo\rb"})
  void displayNameMustBePrintable(String displayName) {
    assertSingle(
        "displayName",
        "Caller ID name must be at most 64 printable characters",
        new ExtensionDraft(NUMBER, displayName, REG, SECRET, EMAIL));
  }

  @Test
  void displayNameLongerThanSixtyFourCharactersIsRefused() {
    assertSingle(
        "displayName",
        "Caller ID name must be at most 64 printable characters",
        new ExtensionDraft(NUMBER, "x".repeat(65), REG, SECRET, EMAIL));
  }

  @Test
  void displayNameMayContainSpacesQuotesAndAccents() {
    assertValid(new ExtensionDraft(NUMBER, "Zoë \"Z\" O'Brien", REG, SECRET, EMAIL));
  }

  // --- registration name ---

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void registrationNameIsRequired(String registrationName) {
    assertSingle(
        "registrationName",
        "Registration name is required",
        new ExtensionDraft(NUMBER, NAME, registrationName, SECRET, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice smith", "alice@pbx", "alice:201", "al\"ice", "alicé", "a/b"})
  void registrationNameRejectsCharactersOutsideTheAllowedSet(String registrationName) {
    assertSingle(
        "registrationName",
        "Registration name may use letters, digits, '.', '_' and '-' (at most 64)",
        new ExtensionDraft(NUMBER, NAME, registrationName, SECRET, EMAIL));
  }

  @Test
  void registrationNameLongerThanSixtyFourCharactersIsRefused() {
    assertEquals(
        List.of("registrationName"),
        fields(new ExtensionDraft(NUMBER, NAME, "a".repeat(65), SECRET, EMAIL)));
    assertValid(new ExtensionDraft(NUMBER, NAME, "a".repeat(64), SECRET, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "Alice_201", "alice.smith-2", "201"})
  void registrationNameWithAllowedCharactersIsAccepted(String registrationName) {
    assertValid(new ExtensionDraft(NUMBER, NAME, registrationName, SECRET, EMAIL));
  }

  // --- secret ---

  private static final String SECRET_GUESSABLE =
      "Registration password must not contain the extension number or registration name";
  private static final String SECRET_RUN =
      "Registration password must not contain four repeated characters or four sequential digits";

  @ParameterizedTest
  @ValueSource(strings = {"Phone201x", "xAlice.201Y9", "ALICE.201a"})
  void secretMustNotContainTheNumberOrTheRegistrationName(String secret) {
    assertSingle("secret", SECRET_GUESSABLE, new ExtensionDraft(NUMBER, NAME, REG, secret, EMAIL));
  }

  @Test
  void shortNumbersAndNamesMayOccurByChance() {
    assertValid(new ExtensionDraft("7", NAME, "ab", "Pa7ssword9ab", EMAIL));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Passw0rd1111", "Abc12345xyz", "Abc98765xyz", "Paaaass1word", "Xy9----Zz1"})
  void secretMustNotContainFourRepeatedCharactersOrSequentialDigits(String secret) {
    assertSingle("secret", SECRET_RUN, new ExtensionDraft(NUMBER, NAME, REG, secret, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pass123word9", "Paaass1word", "Ab1357924680", "Ab0987x9xyza"})
  void shorterRunsAreAccepted(String secret) {
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, secret, EMAIL));
  }

  @Test
  void registrationSecurityFieldsAreReportedUnderSecurity() {
    assertSingle(
        "security.concurrentRegistrations",
        "From 1 to 10 devices",
        new ExtensionDraft(
            NUMBER,
            NAME,
            REG,
            SECRET,
            EMAIL,
            new RegistrationSecurityDraft(0, null, null, null, null)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void secretIsRequiredOnCreate(String secret) {
    assertSingle(
        "secret",
        "Registration password is required",
        new ExtensionDraft(NUMBER, NAME, REG, secret, EMAIL));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void secretIsOptionalOnUpdate(String secret) {
    assertEquals(List.of(), new ExtensionDraft(NUMBER, NAME, REG, secret, EMAIL).violations(false));
  }

  @Test
  void secretGivenOnUpdateIsStillChecked() {
    assertEquals(
        List.of(new FieldViolation("secret", SECRET_LENGTH)),
        new ExtensionDraft(NUMBER, NAME, REG, "Ab1", EMAIL).violations(false));
  }

  @Test
  void secretLengthBoundaries() {
    String seven = "Abcdef1";
    String eight = "Lantern7";
    String sixtyThree = "Ab1" + "xyz".repeat(20);
    String sixtyFour = "Ab1" + "xyz".repeat(20) + "w";
    assertEquals(7, seven.length());
    assertEquals(63, sixtyThree.length());

    assertSingle("secret", SECRET_LENGTH, new ExtensionDraft(NUMBER, NAME, REG, seven, EMAIL));
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, eight, EMAIL));
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, sixtyThree, EMAIL));
    assertSingle("secret", SECRET_LENGTH, new ExtensionDraft(NUMBER, NAME, REG, sixtyFour, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcdefg1", "ABCDEFG1", "Abcdefgh", "12345678", "password"})
  void secretMustMixUpperLowerAndDigits(String secret) {
    assertSingle("secret", SECRET_MIX, new ExtensionDraft(NUMBER, NAME, REG, secret, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Password1", "Qwerty123", "Trustno1", "Jordan23", "Welcome1"})
  void secretIsNoneOfThePasswordsCrackingListsTryFirst(String secret) {
    assertSingle(
        "secret",
        "Registration password is one of the passwords cracking lists try first",
        new ExtensionDraft(NUMBER, NAME, REG, secret, EMAIL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Abc 12345", "Abc\"12345", "Abc\\12345", "Abc\t12345", "Abcd1234\u00e9"})
  void secretRejectsSpacesQuotesBackslashesAndNonAscii(String secret) {
    assertSingle("secret", SECRET_CHARSET, new ExtensionDraft(NUMBER, NAME, REG, secret, EMAIL));
  }

  @Test
  void secretMayUseOtherPrintableAsciiSymbols() {
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, "Ab1!#$%&'()*+,-./:;<=>?@[]^_`{|}~", EMAIL));
  }

  // --- email ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alice",
        "alice@",
        "@example.com",
        "alice@localhost",
        "alice@@example.com",
        "alice smith@example.com",
        "alice@-example.com",
        "alice@example.",
        "alice@exa mple.com"
      })
  void emailMustBeAnAddress(String email) {
    assertSingle(
        "email",
        "Email address is not valid",
        new ExtensionDraft(NUMBER, NAME, REG, SECRET, email));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@b.co", "first.last+tag@mail.example.org", "x_y@sub-domain.example.com"})
  void emailInUsualFormsIsAccepted(String email) {
    assertValid(new ExtensionDraft(NUMBER, NAME, REG, SECRET, email));
  }

  @Test
  void emailLongerThan254CharactersIsRefused() {
    String email = "a@" + "b".repeat(249) + ".com"; // 255 characters
    assertEquals(255, email.length());
    assertSingle(
        "email",
        "Email address is not valid",
        new ExtensionDraft(NUMBER, NAME, REG, SECRET, email));
  }

  // --- several at once ---

  @Test
  void allProblemsAreReportedAtOnceInFieldOrder() {
    ExtensionDraft draft = new ExtensionDraft("20x", " ", "bad name", "short", "nope");

    assertEquals(
        List.of(
            new FieldViolation("number", "Extension number must be 1 to 16 digits"),
            new FieldViolation("displayName", "Caller ID name is required"),
            new FieldViolation(
                "registrationName",
                "Registration name may use letters, digits, '.', '_' and '-' (at most 64)"),
            new FieldViolation("secret", SECRET_LENGTH),
            new FieldViolation("email", "Email address is not valid")),
        check(draft));
  }

  @Test
  void everythingMissingReportsRequiredFieldsOnly() {
    ExtensionDraft draft = new ExtensionDraft(null, null, null, null, null);

    assertEquals(List.of("number", "displayName", "registrationName", "secret"), fields(draft));
    assertEquals(
        List.of("number", "displayName", "registrationName"), fieldsOf(draft.violations(false)));
  }

  @Test
  void secretReportsOnlyOneProblemAtATime() {
    // Too short and no digit: only the length is reported.
    assertSingle("secret", SECRET_LENGTH, new ExtensionDraft(NUMBER, NAME, REG, "Ab c", EMAIL));
  }

  private static List<String> fields(ExtensionDraft draft) {
    return fieldsOf(check(draft));
  }

  private static List<String> fieldsOf(List<FieldViolation> violations) {
    return violations.stream().map(FieldViolation::field).toList();
  }

  @org.junit.jupiter.api.Test
  void spacesAroundWhatWasTypedAreDroppedBeforeChecking() {
    ExtensionDraft draft =
        new ExtensionDraft(" 201 ", "  Alice Smith ", " alice.201\t", SECRET, " " + EMAIL);

    assertEquals(List.of(), check(draft));
    assertEquals(new ExtensionDraft(NUMBER, NAME, REG, SECRET, EMAIL), draft);
  }

  @org.junit.jupiter.api.Test
  void thePasswordIsTakenExactlyAsTyped() {
    assertEquals(
        " Lantern7Pebble ",
        new ExtensionDraft(NUMBER, NAME, REG, " Lantern7Pebble ", null).secret());
  }
}
