package io.bulwark.pbx.event;

import java.util.List;

/**
 * Events the {@link SecurityEventGate} counted and recorded in one batch, raised once they are in
 * the log so that notification sees them as it sees any other event.
 */
public record GatheredEvents(List<SecurityEvent> events) {

  public GatheredEvents {
    events = List.copyOf(events);
  }
}
