package io.bulwark.pbx.defense;

/** The transport a rule is about; a packet is either {@code UDP} or {@code TCP}. */
public enum Protocol {
  UDP,
  TCP,
  BOTH;

  /** Whether a rule for this protocol applies to a packet that came over {@code packet}. */
  public boolean covers(Protocol packet) {
    return this == BOTH || this == packet;
  }

  public String getLabel() {
    return this == BOTH ? "Both" : name();
  }
}
