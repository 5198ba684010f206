package io.bulwark.pbx.extension;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an administrator typed to create or change an extension, before it is accepted.
 *
 * <p>The rules follow the security guide: complex registration credentials, at least 8 characters
 * mixing upper case, lower case and digits. A {@code null} secret on update keeps the current one.
 */
public record ExtensionDraft(
    String number, String displayName, String registrationName, String secret, String email) {

  /**
   * Leading and trailing spaces are dropped before anything is checked, as a user does not see
   * them; the password is taken exactly as typed.
   */
  public ExtensionDraft {
    number = strip(number);
    displayName = strip(displayName);
    registrationName = strip(registrationName);
    email = strip(email);
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,16}");
  private static final Pattern REGISTRATION_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+");
  static final int SECRET_MIN = 8;
  static final int SECRET_MAX = 63;

  /** Checks every field and reports all problems at once. */
  public List<FieldViolation> violations(boolean secretRequired) {
    List<FieldViolation> found = new ArrayList<>();
    if (isBlank(number)) {
      found.add(new FieldViolation("number", "Extension number is required"));
    } else if (!NUMBER.matcher(number).matches()) {
      found.add(new FieldViolation("number", "Extension number must be 1 to 16 digits"));
    }
    if (isBlank(displayName)) {
      found.add(new FieldViolation("displayName", "Caller ID name is required"));
    } else if (displayName.length() > 64 || displayName.chars().anyMatch(Character::isISOControl)) {
      found.add(
          new FieldViolation(
              "displayName", "Caller ID name must be at most 64 printable characters"));
    }
    if (isBlank(registrationName)) {
      found.add(new FieldViolation("registrationName", "Registration name is required"));
    } else if (!REGISTRATION_NAME.matcher(registrationName).matches()) {
      found.add(
          new FieldViolation(
              "registrationName",
              "Registration name may use letters, digits, '.', '_' and '-' (at most 64)"));
    }
    if (secret == null || secret.isEmpty()) {
      if (secretRequired) {
        found.add(new FieldViolation("secret", "Registration password is required"));
      }
    } else {
      secretProblem(secret).ifPresent(m -> found.add(new FieldViolation("secret", m)));
    }
    if (!isBlank(email) && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      found.add(new FieldViolation("email", "Email address is not valid"));
    }
    return found;
  }

  private static java.util.Optional<String> secretProblem(String secret) {
    if (secret.length() < SECRET_MIN || secret.length() > SECRET_MAX) {
      return java.util.Optional.of(
          "Registration password must be " + SECRET_MIN + " to " + SECRET_MAX + " characters");
    }
    boolean upper = secret.chars().anyMatch(Character::isUpperCase);
    boolean lower = secret.chars().anyMatch(Character::isLowerCase);
    boolean digit = secret.chars().anyMatch(Character::isDigit);
    if (!(upper && lower && digit)) {
      return java.util.Optional.of(
          "Registration password must mix upper-case letters, lower-case letters and digits");
    }
    if (secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == '"' || c == '\\')) {
      return java.util.Optional.of(
          "Registration password may use printable ASCII except spaces, quotes and backslashes");
    }
    return java.util.Optional.empty();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
