package io.bulwark.pbx.cdr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored {@link CallDetailRecord}, as the call log lists it. Written by {@link CallRecords}. */
@Entity
@Table(name = "call_record")
public class CallRecordEntry {

  @Id private Long id;

  @Column(name = "call_key", nullable = false, updatable = false)
  private String key;

  @Column(nullable = false, updatable = false)
  private String caller;

  @Column(name = "caller_name", updatable = false)
  private String callerName;

  @Column(nullable = false, updatable = false)
  private String callee;

  @Column(nullable = false, updatable = false)
  private String dialled;

  @Column(updatable = false)
  private String route;

  @Column(updatable = false)
  private String trunk;

  @Column(length = 16)
  private String pin;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "answered_at", updatable = false)
  private Instant answeredAt;

  @Column(name = "ended_at", updatable = false)
  private Instant endedAt;

  @Column(name = "billable_seconds", updatable = false)
  private long billableSeconds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Disposition disposition;

  @Enumerated(EnumType.STRING)
  @Column(name = "hangup_side", updatable = false)
  private HangupSide hangupSide;

  @Column(updatable = false)
  private String cause;

  protected CallRecordEntry() {}

  public String getKey() {
    return key;
  }

  public String getCaller() {
    return caller;
  }

  public String getCallerName() {
    return callerName;
  }

  public String getCallee() {
    return callee;
  }

  public String getDialled() {
    return dialled;
  }

  public String getRoute() {
    return route;
  }

  public String getTrunk() {
    return trunk;
  }

  /** The PIN the caller entered for its route, null when none was asked. */
  public String getPin() {
    return pin;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public long getBillableSeconds() {
    return billableSeconds;
  }

  public Disposition getDisposition() {
    return disposition;
  }

  public HangupSide getHangupSide() {
    return hangupSide;
  }

  public String getCause() {
    return cause;
  }
}
