package io.bulwark.pbx.upgrade;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One line of the upgrade history: an install, from its start to how it ended. */
@Entity
@Table(name = "upgrade_attempt")
public class UpgradeAttempt {

  /** How an install stands. */
  public enum Outcome {
    /** Handed to the installer; the outcome is not in yet. */
    INSTALLING,
    /** The new release runs and answered its health check. */
    INSTALLED,
    /** The new release failed; the previous one and its database are back. */
    ROLLED_BACK,
    /** Stopped before anything changed: the package refused, or the installer not started. */
    ABANDONED,
    /** Neither the new nor the previous release answered: an operator must look. */
    FAILED;

    public String getLabel() {
      return io.bulwark.pbx.event.EventType.sentence(name());
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "from_version", nullable = false, length = 64)
  private String fromVersion;

  @Column(name = "to_version", nullable = false, length = 64)
  private String toVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Outcome outcome;

  @Column(nullable = false, length = 1000)
  private String detail;

  @Column(nullable = false, length = 128)
  private String actor;

  protected UpgradeAttempt() {}

  UpgradeAttempt(Instant startedAt, String fromVersion, String toVersion, String actor) {
    this.startedAt = startedAt;
    this.fromVersion = fromVersion;
    this.toVersion = toVersion;
    this.actor = actor;
    this.outcome = Outcome.INSTALLING;
    this.detail = "";
  }

  void end(Outcome outcome, String detail, Instant at) {
    this.outcome = outcome;
    this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    this.finishedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public String getFromVersion() {
    return fromVersion;
  }

  public String getToVersion() {
    return toVersion;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getDetail() {
    return detail;
  }

  public String getActor() {
    return actor;
  }

  /** Seconds from the start to the end; null while installing. */
  public Long getSeconds() {
    return finishedAt == null ? null : Duration.between(startedAt, finishedAt).toSeconds();
  }
}
