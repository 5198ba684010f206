package io.bulwark.pbx.event;

import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** System > Event Notification, Event Type: the level, notification and template of each type. */
@Stateless
public class EventSettings {

  @PersistenceContext private EntityManager em;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  /** Every type, in the order of {@link EventType}, with its defaults where none was saved. */
  public List<EventSetting> all() {
    return Arrays.stream(EventType.values()).map(this::of).toList();
  }

  public EventSetting of(EventType type) {
    EventSetting saved = em.find(EventSetting.class, type.name());
    return saved == null ? EventSetting.defaults(type) : saved;
  }

  /**
   * {@code template} filled in for an example event of {@code type}, at the type's level, as a
   * contact would get it.
   */
  public EventTemplate.Rendered preview(EventType type, EventTemplate template) {
    var violations = template.violations();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    SecurityEvent example =
        new SecurityEvent(
            clock.instant(),
            type,
            "203.0.113.7",
            "1001",
            "block",
            "An example of " + type.getLabel().toLowerCase(java.util.Locale.ROOT));
    return template.render(example, of(type).getLevel());
  }

  /** With {@code readVersion}, a change saved since by someone else refuses it. */
  public EventSetting update(
      EventType type, Integer readVersion, EventSettingDraft draft, String actor) {
    var violations = draft.violations();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    EventSetting setting = em.find(EventSetting.class, type.name());
    if (setting == null) {
      ConcurrentChangeException.check(readVersion, 0, "The settings of " + type.getLabel());
      setting = EventSetting.defaults(type);
      setting.apply(draft);
      em.persist(setting);
    } else {
      ConcurrentChangeException.check(
          readVersion, setting.getVersion(), "The settings of " + type.getLabel());
      setting.apply(draft);
    }
    em.flush();
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.EVENT_SETTING_UPDATED,
            null,
            actor,
            "update",
            draft.describe(type)));
    return setting;
  }
}
