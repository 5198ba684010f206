package io.bulwark.pbx.event;

import static io.bulwark.pbx.system.Columns.clip;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored {@link SecurityEvent}. */
@Entity
@Table(name = "event_log")
@NamedQuery(
    name = "EventLogEntry.deleteOlderThan",
    query = "delete from EventLogEntry e where e.occurredAt < :cutoff")
@NamedQuery(
    name = "EventLogEntry.markRead",
    query = "update EventLogEntry e set e.read = true where e.read = false and e.id in :ids")
@NamedQuery(
    name = "EventLogEntry.markAllRead",
    query = "update EventLogEntry e set e.read = true where e.read = false")
public class EventLogEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 48)
  private EventType type;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private EventType.Severity severity;

  @Column(name = "source_ip", length = 45)
  private String sourceIp;

  @Column(length = 128)
  private String identity;

  @Column(nullable = false, length = 32)
  private String action;

  @Column(length = 1024)
  private String detail;

  @Column(name = "is_read", nullable = false)
  private boolean read;

  protected EventLogEntry() {}

  EventLogEntry(SecurityEvent event, EventType.Severity level) {
    this.occurredAt = event.occurredAt();
    this.type = event.type();
    this.severity = level;
    this.sourceIp = event.sourceIp();
    this.identity = clip(event.identity(), 128);
    this.action = clip(event.action(), 32);
    this.detail = clip(event.detail(), 1024);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public EventType getType() {
    return type;
  }

  public EventType.Severity getSeverity() {
    return severity;
  }

  public String getSourceIp() {
    return sourceIp;
  }

  public String getIdentity() {
    return identity;
  }

  public String getAction() {
    return action;
  }

  public String getDetail() {
    return detail;
  }

  public boolean isRead() {
    return read;
  }
}
