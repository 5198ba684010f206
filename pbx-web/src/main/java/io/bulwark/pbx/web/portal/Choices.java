package io.bulwark.pbx.web.portal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a user ticked in a multiple-choice filter, as constants. */
final class Choices {

  private Choices() {}

  /** The constants named; a name that is none (a forged form) is ignored. */
  static <E extends Enum<E>> Set<E> constants(List<String> names, Class<E> type) {
    Set<E> chosen = EnumSet.noneOf(type);
    for (E constant : type.getEnumConstants()) {
      if (names.contains(constant.name())) {
        chosen.add(constant);
      }
    }
    return chosen;
  }
}
