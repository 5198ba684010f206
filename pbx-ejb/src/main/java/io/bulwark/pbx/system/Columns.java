package io.bulwark.pbx.system;

/** Fits client-supplied text into a database column instead of failing the whole write. */
public final class Columns {

  private Columns() {}

  /** {@code text} cut to at most {@code max} characters; {@code null} stays {@code null}. */
  public static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
