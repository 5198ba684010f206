package io.bulwark.pbx.defense;

/** At most {@code count} packets, requests or failures from one source in {@code seconds}. */
public record RateLimit(int count, int seconds) {

  public RateLimit {
    if (count < 1 || seconds < 1) {
      throw new IllegalArgumentException("A rate needs a count and seconds of at least 1");
    }
  }

  @Override
  public String toString() {
    return count + "/" + seconds + " s";
  }
}
