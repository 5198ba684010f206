package io.bulwark.pbx.extension;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * User Information as an administrator writes it; {@code role} empty is the employee's. Whether the
 * role exists, and whether the administrator may give it, is the service's and the caller's to
 * check.
 */
public record UserInformationDraft(String firstName, String lastName, String mobile, String role) {

  private static final Pattern MOBILE = Pattern.compile("\\+?[0-9(][0-9 ()-]{2,30}");

  /** The problems, with fields named as in the extension ({@code user.mobile}). */
  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    name(found, "user.firstName", firstName);
    name(found, "user.lastName", lastName);
    if (mobile != null && !mobile.isBlank() && !MOBILE.matcher(mobile.strip()).matches()) {
      found.add(
          new FieldViolation(
              "user.mobile",
              "A phone number: digits, spaces, ( ) and -, + first: +43 660 1234567"));
    }
    if (role != null && role.strip().equalsIgnoreCase("super-administrator")) {
      found.add(
          new FieldViolation(
              "user.role", "There is one super administrator; give Administrator instead"));
    }
    return found;
  }

  private static void name(List<FieldViolation> found, String field, String value) {
    if (value != null
        && (value.strip().length() > 64 || value.chars().anyMatch(Character::isISOControl))) {
      found.add(new FieldViolation(field, "At most 64 printable characters"));
    }
  }

  /** The role the draft gives: the employee's when it names none. */
  public String roleOrDefault() {
    return role == null || role.isBlank() ? UserInformation.DEFAULT_ROLE : role.strip();
  }
}
