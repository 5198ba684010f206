package io.bulwark.pbx.defense;

/**
 * What a defense rule watches, as the guide's "Service/Port Range" names it: one of Bulwark's own
 * services, whose port follows its configuration, every port, or ports given by hand.
 */
public enum Service {
  ALL("All ports"),
  SIP("SIP"),
  HTTP("HTTP"),
  HTTPS("HTTPS"),
  /** Watched only by the kernel backend: Bulwark does not run SSH itself. */
  SSH("SSH"),
  PORTS("Port range");

  private final String label;

  Service(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }
}
