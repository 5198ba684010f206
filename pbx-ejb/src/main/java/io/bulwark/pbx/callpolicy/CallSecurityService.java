package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and changes the call policy's settings; each change is validated and is an event. */
@Stateless
public class CallSecurityService {

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
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

  public SpendGuardSettings spendGuard() {
    return em.find(SpendGuardSettings.class, SpendGuardSettings.ID);
  }

  /**
   * Changes the spend guard's limits; with {@code readVersion}, a change since refuses this one.
   */
  public SpendGuardSettings updateSpendGuard(
      Integer readVersion, SpendLimits limits, String actor) {
    SpendGuardSettings settings = spendGuard();
    ConcurrentChangeException.check(readVersion, settings.getVersion(), "The spend guard");
    if (!limits.violations().isEmpty()) {
      throw new InvalidInputException(limits.violations());
    }
    settings.apply(limits);
    em.flush();
    changes.fire(new CallPolicyChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.SPEND_GUARD_SETTINGS_UPDATED,
            null,
            actor,
            "update",
            limits.describe()));
    return settings;
  }

  /**
   * Turns the Allowed Country/Region Code Dialing Protection on or off and sets the codes it allows
   * ({@code 1-242} or {@code 1242}); an unknown code refuses the whole change.
   */
  public CallSecuritySettings updateCountryCodes(
      Integer readVersion, Boolean enabled, List<String> allowed, String actor) {
    CallSecuritySettings settings = settings();
    ConcurrentChangeException.check(
        readVersion, settings.getVersion(), "The allowed country codes");
    List<String> codes = allowed == null ? List.of() : allowed;
    List<FieldViolation> wrong = new ArrayList<>();
    if (enabled == null) {
      wrong.add(new FieldViolation("enabled", "Say whether the protection is on"));
    }
    if (codes.contains(null)) {
      wrong.add(new FieldViolation("allowed", "A calling code is empty"));
    } else {
      List<String> unknown = CallingCodes.shipped().unknown(codes);
      if (!unknown.isEmpty()) {
        wrong.add(
            new FieldViolation(
                "allowed", "Not a country/region calling code: " + String.join(", ", unknown)));
      }
    }
    if (!wrong.isEmpty()) {
      throw new InvalidInputException(wrong);
    }
    List<CallingCode> known =
        codes.stream().map(c -> CallingCodes.shipped().byCode(c).orElseThrow()).distinct().toList();
    settings.allowCountryCodes(enabled, known);
    em.flush();
    changes.fire(new CallPolicyChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.ALLOWED_COUNTRY_CODES_UPDATED,
            null,
            actor,
            "update",
            enabled
                ? "dialing protection on, "
                    + known.size()
                    + " codes allowed"
                    + (known.isEmpty()
                        ? ""
                        : ": "
                            + known.stream()
                                .map(CallingCode::code)
                                .sorted()
                                .limit(20)
                                .collect(Collectors.joining(" ")))
                : "dialing protection off"));
    return settings;
  }
}
