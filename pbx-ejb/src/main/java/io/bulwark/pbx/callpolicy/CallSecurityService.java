package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Reads and changes the call policy's settings; each change is validated and is an event. */
@Stateless
public class CallSecurityService {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private Event<SecurityEvent> events;
  @Inject private Event<CallPolicyChanged> changes;

  public CallSecuritySettings settings() {
    return em.find(CallSecuritySettings.class, CallSecuritySettings.ID);
  }

  /** With {@code readVersion}, a change saved since by someone else refuses this one. */
  public CallSecuritySettings update(
      Integer readVersion, CallSecuritySettingsDraft draft, String actor) {
    CallSecuritySettings settings = settings();
    ConcurrentChangeException.check(
        readVersion, settings.getVersion(), "The call security settings");
    if (!draft.violations().isEmpty()) {
      throw new InvalidInputException(draft.violations());
    }
    settings.apply(draft);
    em.flush();
    changes.fire(new CallPolicyChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.CALL_SECURITY_SETTINGS_UPDATED,
            null,
            actor,
            "update",
            "outbound call frequency "
                + (draft.frequencyEnabled()
                    ? draft.frequencyCalls() + " calls in " + draft.frequencySeconds() + " s"
                    : "off")
                + ", max call duration "
                + draft.maxCallSeconds()
                + " s"));
    return settings;
  }
}
