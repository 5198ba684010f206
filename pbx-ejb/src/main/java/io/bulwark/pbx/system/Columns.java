package io.bulwark.pbx.system;

import java.util.List;

/**
 * How values are kept in database columns: client-supplied text fitted instead of failing the whole
 * write, and short lists one entry per line.
 */
public final class Columns {

  private Columns() {}

  /** {@code text} cut to at most {@code max} characters; {@code null} stays {@code null}. */
  public static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** A list kept in one text column, one entry per line. */
  public static String lines(List<String> entries) {
    return String.join("\n", entries);
  }

  /** The entries of a column {@link #lines(List)} wrote; none for an empty or absent one. */
  public static List<String> entries(String column) {
    return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n"));
  }
}
