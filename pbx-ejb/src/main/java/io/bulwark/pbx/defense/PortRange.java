package io.bulwark.pbx.defense;

/** Ports from {@code first} to {@code last}, both included. */
public record PortRange(int first, int last) {

  public static final PortRange ALL = new PortRange(1, 65535);

  public PortRange {
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException("Ports run from 1 to 65535, the first not above the last");
    }
  }

  public static PortRange of(int port) {
    return new PortRange(port, port);
  }

  /**
   * The range {@code text} names: {@code 5060} or {@code 10000-20000}.
   *
   * @throws IllegalArgumentException with a message fit for the person who typed it
   */
  public static PortRange parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (!trimmed.matches("\\d{1,5}(\\s*-\\s*\\d{1,5})?")) {
      throw new IllegalArgumentException("A port (5060) or a range of ports (10000-20000)");
    }
    String[] ends = trimmed.split("\\s*-\\s*");
    int first = Integer.parseInt(ends[0]);
    int last = ends.length > 1 ? Integer.parseInt(ends[1]) : first;
    return new PortRange(first, last);
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  @Override
  public String toString() {
    return first == last ? Integer.toString(first) : first + "-" + last;
  }
}
