package io.bulwark.pbx.callpolicy;

import java.util.Optional;

/** What makes a number sent to a trunk international: the international prefix, or {@code +}. */
final class International {

  private International() {}

  /**
   * The digits of {@code number} after its international prefix or {@code +}; empty for a number
   * that is not international (or none at all).
   */
  /**
   * The digits of the calling code {@code number} goes to (the longest that matches), null for a
   * number that is not international or whose code is none.
   */
  static String callingCode(String number, String internationalPrefix) {
    return digitsAfterPrefix(number, internationalPrefix)
        .flatMap(CallingCodes.shipped()::of)
        .map(CallingCode::digits)
        .orElse(null);
  }

  static Optional<String> digitsAfterPrefix(String number, String internationalPrefix) {
    if (number == null) {
      return Optional.empty();
    }
    if (number.startsWith("+")) {
      return Optional.of(number.substring(1));
    }
    if (number.startsWith(internationalPrefix)) {
      return Optional.of(number.substring(internationalPrefix.length()));
    }
    return Optional.empty();
  }
}
