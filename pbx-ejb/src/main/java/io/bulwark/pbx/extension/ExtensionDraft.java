package io.bulwark.pbx.extension;

import io.bulwark.pbx.system.CommonPasswords;
import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an administrator typed to create or change an extension, before it is accepted.
 *
 * <p>The rules follow the security guide: complex registration credentials, at least 8 characters
 * mixing upper case, lower case and digits, that contain neither the extension number nor the
 * registration name and no run of four repeated characters or sequential digits. A {@code null}
 * secret on update keeps the current one, and so does a {@code null} registration security.
 */
public record ExtensionDraft(
    String number,
    String displayName,
    String registrationName,
    String secret,
    String email,
    RegistrationSecurityDraft security,
    OutboundRestrictions restrictions,
    UserInformationDraft user) {

  /** A draft that leaves the registration security as it is, or at its defaults for a new one. */
  public ExtensionDraft(
      String number, String displayName, String registrationName, String secret, String email) {
    this(number, displayName, registrationName, secret, email, null, null, null);
  }

  /** A draft that leaves the call restrictions as they are, or off for a new extension. */
  public ExtensionDraft(
      String number,
      String displayName,
      String registrationName,
      String secret,
      String email,
      RegistrationSecurityDraft security) {
    this(number, displayName, registrationName, secret, email, security, null, null);
  }

  /** A draft that leaves the user information as it is, or at its defaults for a new one. */
  public ExtensionDraft(
      String number,
      String displayName,
      String registrationName,
      String secret,
      String email,
      RegistrationSecurityDraft security,
      OutboundRestrictions restrictions) {
    this(number, displayName, registrationName, secret, email, security, restrictions, null);
  }

  /** The same draft for extension {@code number}: an update need not repeat it. */
  ExtensionDraft forNumber(String number) {
    return new ExtensionDraft(
        number, displayName, registrationName, secret, email, security, restrictions, user);
  }

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
  private static final int GUESSABLE_RUN = 4;

  /** Shorter numbers and names occur in passwords by chance; they are not what makes one weak. */
  private static final int MIN_GUESSABLE = 3;

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
      secretProblem().ifPresent(m -> found.add(new FieldViolation("secret", m)));
    }
    if (!isBlank(email) && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      found.add(new FieldViolation("email", "Email address is not valid"));
    }
    if (security != null) {
      security.violations().stream()
          .map(v -> new FieldViolation("security." + v.field(), v.message()))
          .forEach(found::add);
    }
    if (restrictions != null) {
      restrictions
          .problem()
          .ifPresent(m -> found.add(new FieldViolation("restrictions.maxOutboundSeconds", m)));
    }
    if (user != null) {
      found.addAll(user.violations());
    }
    return found;
  }

  private java.util.Optional<String> secretProblem() {
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
    String folded = secret.toLowerCase(java.util.Locale.ROOT);
    if (number != null && number.length() >= MIN_GUESSABLE && folded.contains(number)
        || registrationName != null
            && registrationName.length() >= MIN_GUESSABLE
            && folded.contains(registrationName.toLowerCase(java.util.Locale.ROOT))) {
      return java.util.Optional.of(
          "Registration password must not contain the extension number or registration name");
    }
    if (hasGuessableRun(secret)) {
      return java.util.Optional.of(
          "Registration password must not contain four repeated characters or four sequential"
              + " digits");
    }
    if (CommonPasswords.contains(secret)) {
      return java.util.Optional.of(
          "Registration password is one of the passwords cracking lists try first");
    }
    return java.util.Optional.empty();
  }

  /**
   * Whether four characters in a row repeat one ({@code aaaa}, {@code 7777}) or count up or down by
   * one digit ({@code 1234}, {@code 6543}): the first things a cracking list tries.
   */
  static boolean hasGuessableRun(String secret) {
    int repeated = 1;
    int ascending = 1;
    int descending = 1;
    for (int i = 1; i < secret.length(); i++) {
      char previous = secret.charAt(i - 1);
      char current = secret.charAt(i);
      boolean digits = isAsciiDigit(previous) && isAsciiDigit(current);
      repeated = current == previous ? repeated + 1 : 1;
      ascending = digits && current == previous + 1 ? ascending + 1 : 1;
      descending = digits && current == previous - 1 ? descending + 1 : 1;
      if (repeated >= GUESSABLE_RUN || ascending >= GUESSABLE_RUN || descending >= GUESSABLE_RUN) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
