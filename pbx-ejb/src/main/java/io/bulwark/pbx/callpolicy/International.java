package io.bulwark.pbx.callpolicy;

import java.util.Optional;

/** What makes a number sent to a trunk international: the international prefix, or {@code +}. */
final class International {

  private International() {}

  /**
   * The digits of {@code number} after its international prefix or {@code +}; empty for a number
   * that is not international (or none at all).
   */
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
