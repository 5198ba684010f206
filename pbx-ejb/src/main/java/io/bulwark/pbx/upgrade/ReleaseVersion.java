package io.bulwark.pbx.upgrade;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A Bulwark release's version: numbers separated by dots, perhaps with a pre-release label
 * ("1.4.0", "0.1.0-SNAPSHOT"). A version with a label comes before the same numbers without one, so
 * a snapshot build is replaced by its release.
 */
public record ReleaseVersion(int[] numbers, String label) implements Comparable<ReleaseVersion> {

  private static final Pattern SHAPE =
      Pattern.compile("(\\d{1,6})(\\.\\d{1,6}){0,3}(-[A-Za-z0-9.]{1,32})?");

  public ReleaseVersion {
    numbers = numbers.clone();
  }

  /**
   * @throws IllegalArgumentException for anything else than "1.2.3" or "1.2.3-label"
   */
  public static ReleaseVersion parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      throw new IllegalArgumentException("Not a release version: " + clip(text));
    }
    int dash = text.indexOf('-');
    String core = dash < 0 ? text : text.substring(0, dash);
    int[] numbers = Arrays.stream(core.split("\\.")).mapToInt(Integer::parseInt).toArray();
    return new ReleaseVersion(numbers, dash < 0 ? "" : text.substring(dash + 1));
  }

  public boolean isNewerThan(ReleaseVersion other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(ReleaseVersion other) {
    for (int i = 0; i < Math.max(numbers.length, other.numbers.length); i++) {
      int difference =
          Integer.compare(
              i < numbers.length ? numbers[i] : 0, i < other.numbers.length ? other.numbers[i] : 0);
      if (difference != 0) {
        return difference;
      }
    }
    if (label.isEmpty() || other.label.isEmpty()) {
      return Boolean.compare(label.isEmpty(), other.label.isEmpty());
    }
    return label.compareTo(other.label);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReleaseVersion version && compareTo(version) == 0;
  }

  @Override
  public int hashCode() {
    int significant = numbers.length;
    while (significant > 0 && numbers[significant - 1] == 0) {
      significant--;
    }
    return 31 * Arrays.hashCode(Arrays.copyOf(numbers, significant)) + label.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int number : numbers) {
      text.append(text.isEmpty() ? "" : ".").append(number);
    }
    return label.isEmpty() ? text.toString() : text + "-" + label;
  }

  private static String clip(String text) {
    if (text == null) {
      return "nothing";
    }
    return text.length() > 40 ? "\"" + text.substring(0, 40) + "…\"" : "\"" + text + "\"";
  }
}
