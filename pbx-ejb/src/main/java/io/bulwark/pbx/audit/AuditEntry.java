package io.bulwark.pbx.audit;

import static io.bulwark.pbx.system.Columns.clip;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One committed change of one record: who, from where, through which request, and its fields before
 * and after ({@code changes}: a JSON object of field to {@code [before, after]}).
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  /** What happened to the record. */
  public enum Action {
    CREATE,
    UPDATE,
    DELETE,
    /** A request of an API client, whatever it did: every call a script makes is on record. */
    CALL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(length = 128)
  private String actor;

  @Column(name = "source_ip", length = 45)
  private String sourceIp;

  @Column(length = 255)
  private String request;

  @Column(nullable = false, length = 8)
  private String action;

  @Column(nullable = false, length = 64)
  private String entity;

  @Column(name = "entity_id", nullable = false, length = 64)
  private String entityId;

  @Column(nullable = false)
  private String changes;

  protected AuditEntry() {}

  AuditEntry(
      Instant occurredAt,
      String actor,
      String sourceIp,
      String request,
      Action action,
      String entity,
      String entityId,
      String changes) {
    this.occurredAt = occurredAt;
    this.actor = clip(actor, 128);
    this.sourceIp = sourceIp;
    this.request = clip(request, 255);
    this.action = action.name();
    this.entity = clip(entity, 64);
    this.entityId = clip(entityId, 64);
    this.changes = changes;
  }

  /**
   * The record of one API client's request: {@code request} answered {@code status}.
   *
   * @param principal the client's principal
   */
  public static AuditEntry call(
      Instant at, String principal, String sourceIp, String request, int status) {
    return new AuditEntry(
        at, principal, sourceIp, request, Action.CALL, "ApiCall", Integer.toString(status), "{}");
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getSourceIp() {
    return sourceIp;
  }

  public String getRequest() {
    return request;
  }

  public String getAction() {
    return action;
  }

  public String getEntity() {
    return entity;
  }

  public String getEntityId() {
    return entityId;
  }

  /** The changed fields: a JSON object of field name to {@code [before, after]}. */
  public String getChanges() {
    return changes;
  }
}
