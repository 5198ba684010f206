package io.bulwark.pbx.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A dial pattern row as stored with its outbound route. */
@Embeddable
public class RoutePattern {

  @Column(nullable = false, length = 64)
  private String pattern;

  @Column(nullable = false)
  private int strip;

  @Column(nullable = false, length = 32)
  private String prepend;

  protected RoutePattern() {}

  RoutePattern(DialPattern dialPattern) {
    pattern = dialPattern.pattern();
    strip = dialPattern.strip();
    prepend = dialPattern.prepend();
  }

  public DialPattern dialPattern() {
    return DialPattern.parse(pattern, strip, prepend);
  }
}
