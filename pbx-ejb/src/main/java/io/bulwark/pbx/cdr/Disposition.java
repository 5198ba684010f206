package io.bulwark.pbx.cdr;

import java.util.Locale;

/** How a call ended, in the words of a PBX's call log. */
public enum Disposition {
  ANSWERED,
  NO_ANSWER,
  BUSY,
  FAILED;

  /** What a final refusal of the callee (or of Bulwark) means for the call log. */
  public static Disposition ofRefusal(int status) {
    if (status == 486 || status == 600) {
      return BUSY;
    }
    if (status == 408 || status == 480 || status == 487 || status == 603) {
      return NO_ANSWER;
    }
    return FAILED;
  }

  public String getLabel() {
    String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
