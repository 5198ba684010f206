package io.bulwark.pbx.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dial pattern as PBX administrators write it, with what to strip and prepend: {@code 9X.} strip
 * 1 takes "9" off every number that starts with 9 and has at least one more digit.
 *
 * <p>{@code X} is any digit, {@code Z} 1 to 9, {@code N} 2 to 9, {@code [1-3,7]} one digit of a
 * set; digits, {@code *}, {@code #} and {@code +} stand for themselves. A final {@code .} matches
 * one or more characters, a final {@code !} zero or more. Why only at the end: that is where every
 * PBX guide uses them, and it keeps a match one pass over the number without backtracking.
 *
 * <p>Patterns are checked when parsed, so an object of this class is always valid; {@link #parse}
 * throws {@link IllegalArgumentException} with a message for the administrator.
 */
public final class DialPattern {

  static final int MAX_PATTERN = 64;
  static final int MAX_PREPEND = 32;
  private static final Pattern PREPEND = Pattern.compile("[0-9*#+]*");

  private enum Tail {
    NONE,
    ONE_OR_MORE,
    ZERO_OR_MORE
  }

  private final String text;
  private final List<BitSet> positions;
  private final Tail tail;
  private final int strip;
  private final String prepend;

  private DialPattern(String text, List<BitSet> positions, Tail tail, int strip, String prepend) {
    this.text = text;
    this.positions = positions;
    this.tail = tail;
    this.strip = strip;
    this.prepend = prepend;
  }

  /** A pattern that rewrites nothing: for DID and caller ID patterns of inbound routes. */
  public static DialPattern parse(String pattern) {
    return parse(pattern, 0, "");
  }

  /**
   * @param strip how many leading characters of a matching number to drop, at most as many as the
   *     shortest number the pattern matches
   * @param prepend digits, {@code *}, {@code #} or {@code +} put in front afterwards; {@code null}
   *     for none
   */
  public static DialPattern parse(String pattern, int strip, String prepend) {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("Dial pattern is required");
    }
    String text = pattern.strip().toUpperCase(Locale.ROOT);
    if (text.length() > MAX_PATTERN) {
      throw new IllegalArgumentException(
          "Dial pattern must be at most " + MAX_PATTERN + " characters");
    }
    List<BitSet> positions = new ArrayList<>();
    Tail tail = Tail.NONE;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '!') {
        if (i != text.length() - 1) {
          throw new IllegalArgumentException(
              "Dial pattern " + text + ": '" + c + "' may only end the pattern");
        }
        tail = c == '.' ? Tail.ONE_OR_MORE : Tail.ZERO_OR_MORE;
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("Dial pattern " + text + ": '[' is not closed");
        }
        positions.add(set(text, text.substring(i + 1, close)));
        i = close;
      } else {
        positions.add(single(text, c));
      }
    }
    if (positions.isEmpty() && tail != Tail.ONE_OR_MORE) {
      throw new IllegalArgumentException(
          "Dial pattern " + text + " matches no number; it needs at least one digit or '.'");
    }
    String plus = prepend == null ? "" : prepend.strip();
    if (plus.length() > MAX_PREPEND || !PREPEND.matcher(plus).matches()) {
      throw new IllegalArgumentException(
          "Prepend may use digits, '*', '#' and '+' (at most " + MAX_PREPEND + ")");
    }
    int shortest = positions.size() + (tail == Tail.ONE_OR_MORE ? 1 : 0);
    if (strip < 0 || strip > shortest) {
      throw new IllegalArgumentException(
          "Strip must be 0 to "
              + shortest
              + ", the length of the shortest number "
              + text
              + " matches");
    }
    return new DialPattern(text, List.copyOf(positions), tail, strip, plus);
  }

  private static BitSet single(String text, char c) {
    BitSet one = new BitSet();
    switch (c) {
      case 'X' -> one.set('0', '9' + 1);
      case 'Z' -> one.set('1', '9' + 1);
      case 'N' -> one.set('2', '9' + 1);
      default -> {
        if (!isLiteral(c)) {
          throw new IllegalArgumentException(
              "Dial pattern " + text + ": '" + c + "' is not allowed");
        }
        one.set(c);
      }
    }
    return one;
  }

  private static boolean isLiteral(char c) {
    return (c >= '0' && c <= '9') || c == '*' || c == '#' || c == '+';
  }

  /** {@code 135}, {@code 1-5} or {@code 1-3,7}: the digits between the brackets. */
  private static BitSet set(String text, String inside) {
    BitSet digits = new BitSet();
    for (String part : inside.split(",", -1)) {
      if (part.matches("[0-9]+")) {
        part.chars().forEach(digits::set);
      } else if (part.matches("[0-9]-[0-9]") && part.charAt(0) <= part.charAt(2)) {
        digits.set(part.charAt(0), part.charAt(2) + 1);
      } else {
        throw new IllegalArgumentException(
            "Dial pattern "
                + text
                + ": ["
                + inside
                + "] must list digits or ranges such as [135], [1-5] or [1-3,7]");
      }
    }
    return digits;
  }

  /** Whether {@code dialled} is a number this pattern stands for. */
  public boolean matches(String dialled) {
    if (dialled == null) {
      return false;
    }
    int length = dialled.length();
    int fixed = positions.size();
    boolean lengthFits =
        switch (tail) {
          case NONE -> length == fixed;
          case ONE_OR_MORE -> length > fixed;
          case ZERO_OR_MORE -> length >= fixed;
        };
    if (!lengthFits) {
      return false;
    }
    for (int i = 0; i < fixed; i++) {
      if (!positions.get(i).get(dialled.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The number to send on when {@code dialled} matches: stripped, then prepended. */
  public Optional<String> rewrite(String dialled) {
    return matches(dialled) ? Optional.of(prepend + dialled.substring(strip)) : Optional.empty();
  }

  /** The pattern as written, in upper case. */
  public String pattern() {
    return text;
  }

  public int strip() {
    return strip;
  }

  public String prepend() {
    return prepend;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DialPattern that
        && text.equals(that.text)
        && strip == that.strip
        && prepend.equals(that.prepend);
  }

  @Override
  public int hashCode() {
    return (text.hashCode() * 31 + strip) * 31 + prepend.hashCode();
  }

  @Override
  public String toString() {
    return text
        + (strip > 0 ? " strip " + strip : "")
        + (prepend.isEmpty() ? "" : " prepend " + prepend);
  }
}
