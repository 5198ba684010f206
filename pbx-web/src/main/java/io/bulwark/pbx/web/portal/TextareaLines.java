package io.bulwark.pbx.web.portal;

import java.util.Arrays;
import java.util.List;

/** The lines of a textarea that holds a list one entry per line, as the forms read them. */
final class TextareaLines {

  private TextareaLines() {}

  static List<String> of(String text) {
    return text == null ? List.of() : Arrays.asList(text.split("\\R"));
  }
}
