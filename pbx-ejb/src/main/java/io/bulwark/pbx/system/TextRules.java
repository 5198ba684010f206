package io.bulwark.pbx.system;

import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for text that several kinds of objects share, with the words an administrator reads. */
public final class TextRules {

  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,64}");
  private static final Pattern CALLER_ID_NUMBER = Pattern.compile("\\+?[0-9]{1,32}");
  private static final Pattern EXTENSION_NUMBER = Pattern.compile("[0-9]{1,16}");

  private TextRules() {}

  /** A required name such as "Trunk name" of letters, digits, spaces, '.', '_' and '-'. */
  public static Optional<FieldViolation> name(String field, String label, String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(new FieldViolation(field, label + " is required"));
    }
    if (!NAME.matcher(value).matches()) {
      return Optional.of(
          new FieldViolation(
              field, label + " may use letters, digits, spaces, '.', '_' and '-' (at most 64)"));
    }
    return Optional.empty();
  }

  /** An optional caller ID number: digits, optionally after '+'. */
  public static Optional<FieldViolation> callerIdNumber(String field, String value) {
    if (value == null || CALLER_ID_NUMBER.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldViolation(
            field, "Caller ID number must be digits, optionally after '+' (at most 32)"));
  }

  public static boolean isExtensionNumber(String value) {
    return value != null && EXTENSION_NUMBER.matcher(value).matches();
  }
}
