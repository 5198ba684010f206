package io.bulwark.pbx.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * How one type of event is treated, as System > Event Notification sets it: the level it is logged
 * and sent with, whether contacts are told, and the words they get. A type without a row has its
 * defaults ({@link #defaults}); the first change saves one.
 */
@Entity
@Table(name = "event_setting")
public class EventSetting {

  @Id
  @Column(name = "event_type", length = 48)
  private String type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private EventType.Severity level;

  @Column(nullable = false)
  private boolean notify;

  @Column(nullable = false, length = EventTemplate.MAX_SUBJECT)
  private String subject;

  @Column(nullable = false, length = EventTemplate.MAX_BODY)
  private String body;

  @Version private int version;

  protected EventSetting() {}

  private EventSetting(EventType type) {
    this.type = type.name();
    this.level = type.severity();
    this.notify = type.notifiesByDefault();
    this.subject = EventTemplate.DEFAULT.subject();
    this.body = EventTemplate.DEFAULT.body();
  }

  /** What a type has until it is changed; not saved. */
  static EventSetting defaults(EventType type) {
    return new EventSetting(type);
  }

  void apply(EventSettingDraft draft) {
    level = draft.level();
    notify = draft.notification();
    EventTemplate template = draft.template() == null ? EventTemplate.DEFAULT : draft.template();
    subject = template.subject();
    body = template.body();
  }

  public EventType getType() {
    return EventType.valueOf(type);
  }

  public EventType.Severity getLevel() {
    return level;
  }

  public boolean isNotify() {
    return notify;
  }

  public EventTemplate template() {
    return new EventTemplate(subject, body);
  }

  /** Whether the words are still the ones Bulwark ships. */
  public boolean isDefaultTemplate() {
    return EventTemplate.DEFAULT.equals(template());
  }

  public int getVersion() {
    return version;
  }
}
