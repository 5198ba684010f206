package io.bulwark.pbx.defense;

import io.bulwark.pbx.event.EventType;

/**
 * What a static defense rule does with a matching source. {@code ACCEPT} also exempts the source
 * from every automatic block (auto defense, registration lockout, scanner detection).
 */
public enum RuleAction {
  ACCEPT,
  /** Nothing is answered: the source cannot tell whether anything listens. */
  DROP,
  /** Refused openly: a TCP connection is reset; a datagram, having no such answer, is dropped. */
  REJECT;

  public String getLabel() {
    return EventType.sentence(name());
  }
}
