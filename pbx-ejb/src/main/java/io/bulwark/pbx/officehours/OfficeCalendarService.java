package io.bulwark.pbx.officehours;

import io.bulwark.pbx.callpolicy.CallPolicyChanged;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Reads and changes business hours and holidays; each change is validated and is an event. */
@Stateless
public class OfficeCalendarService {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<CallPolicyChanged> changes;

  public OfficeCalendar calendar() {
    return em.find(OfficeCalendar.class, OfficeCalendar.ID);
  }

  /**
   * Replaces the ranges and holidays; with {@code readVersion}, a change since refuses this one.
   */
  public OfficeCalendar update(Integer readVersion, OfficeCalendarDraft draft, String actor) {
    OfficeCalendar calendar = calendar();
    ConcurrentChangeException.check(
        readVersion, calendar.getVersion(), "The business hours and holidays");
    if (!draft.violations().isEmpty()) {
      throw new InvalidInputException(draft.violations());
    }
    calendar.apply(draft);
    em.flush();
    changes.fire(new CallPolicyChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.BUSINESS_HOURS_UPDATED,
            null,
            actor,
            "update",
            draft.ranges().size()
                + " ranges of business hours, "
                + draft.holidays().size()
                + " holidays, time zone "
                + draft.timeZone()));
    return calendar;
  }
}
