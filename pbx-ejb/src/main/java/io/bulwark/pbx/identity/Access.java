package io.bulwark.pbx.identity;

import io.bulwark.pbx.event.EventType;

/** How far a role reaches into an area: not at all, to look, or to change. */
public enum Access {
  NONE,
  VIEW,
  EDIT;

  /** Whether this access is enough for {@code needed}: EDIT includes VIEW. */
  public boolean allows(Access needed) {
    return compareTo(needed) >= 0;
  }

  public String getLabel() {
    return EventType.sentence(name());
  }
}
