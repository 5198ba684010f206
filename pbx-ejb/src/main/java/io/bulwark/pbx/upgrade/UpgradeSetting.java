package io.bulwark.pbx.upgrade;

import io.bulwark.pbx.backup.BackupTiming;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Maintenance > Upgrade, one row: the source, the policy, and the newest release found there. */
@Entity
@Table(name = "upgrade_setting")
public class UpgradeSetting {

  static final int ID = 1;

  @Id private int id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private UpgradePolicy policy;

  @Column(name = "check_at", nullable = false)
  private LocalTime checkAt;

  @Column(nullable = false, length = 500)
  private String source;

  /** When the settings were last saved: the daily check counts from then or the last check. */
  @Column(name = "counting_from")
  private Instant countingFrom;

  @Column(name = "last_check_at")
  private Instant lastCheckAt;

  @Column(name = "available_version", length = 64)
  private String availableVersion;

  @Column(name = "available_package", length = 1000)
  private String availablePackage;

  @Version private int version;

  protected UpgradeSetting() {}

  void apply(UpgradeSettingDraft draft, Instant now) {
    countingFrom = now;
    policy = draft.policy();
    checkAt = draft.checkAt();
    if (!draft.source().equals(source)) {
      availableVersion = null;
      availablePackage = null;
    }
    source = draft.source();
  }

  /**
   * When the daily check runs next: at the time of day set, after the last check or the last save,
   * whichever came later; never under the policy "never", nor without a source.
   */
  Optional<Instant> nextCheck(ZoneId zone) {
    if (policy == UpgradePolicy.NEVER || source.isEmpty() || countingFrom == null) {
      return Optional.empty();
    }
    Instant since =
        lastCheckAt == null || lastCheckAt.isBefore(countingFrom) ? countingFrom : lastCheckAt;
    return Optional.of(timing().next(since, zone));
  }

  boolean checkDue(Instant now, ZoneId zone) {
    return nextCheck(zone).filter(next -> !next.isAfter(now)).isPresent();
  }

  BackupTiming timing() {
    return new BackupTiming(BackupTiming.Frequency.DAILY, null, checkAt);
  }

  void checked(Instant at, Optional<ReleaseFinder.Found> newest) {
    lastCheckAt = at;
    availableVersion = newest.map(f -> f.manifest().version().toString()).orElse(null);
    availablePackage = newest.map(f -> f.file().toString()).orElse(null);
  }

  void attempted(Instant at) {
    lastCheckAt = at;
  }

  void installing() {
    availableVersion = null;
    availablePackage = null;
  }

  public UpgradePolicy getPolicy() {
    return policy;
  }

  public LocalTime getCheckAt() {
    return checkAt;
  }

  public String getSource() {
    return source;
  }

  public Instant getLastCheckAt() {
    return lastCheckAt;
  }

  public Optional<String> availableVersion() {
    return Optional.ofNullable(availableVersion);
  }

  Optional<String> availablePackage() {
    return Optional.ofNullable(availablePackage);
  }

  public int getVersion() {
    return version;
  }
}
