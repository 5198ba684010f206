package io.bulwark.pbx.backup;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guide's Backup Schedule, one row: off on a new system; when on, what to back up, when, and
 * how many scheduled backups to keep. The passphrase is kept encrypted, since nobody is there to
 * type it at night.
 */
@Entity
@Table(name = "backup_schedule")
public class BackupSchedule {

  static final int ID = 1;

  @Id private int id;

  @Column(nullable = false)
  private boolean enabled;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private BackupTiming.Frequency frequency;

  @Enumerated(EnumType.STRING)
  @Column(name = "day_of_week", nullable = false, length = 9)
  private DayOfWeek day;

  @Column(name = "at_time", nullable = false)
  private LocalTime at;

  @Column(nullable = false)
  private int keep;

  @Column(nullable = false, length = 64)
  private String contents;

  /** Encrypted with {@link SecretCipher}. */
  @Column(length = 2048)
  private String passphrase;

  @Column(name = "last_run_at")
  private Instant lastRunAt;

  @Version private int version;

  protected BackupSchedule() {}

  void apply(BackupScheduleDraft draft, SecretCipher cipher, Instant now) {
    if (draft.enabled() && !enabled) {
      lastRunAt = now;
    }
    enabled = draft.enabled();
    frequency = draft.frequency();
    day = draft.day() == null ? DayOfWeek.SUNDAY : draft.day();
    at = draft.at();
    keep = draft.keep();
    contents = draft.contents().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    if (draft.passphrase() != null && !draft.passphrase().isEmpty()) {
      passphrase = cipher.encrypt(draft.passphrase());
    }
  }

  /** Whether a backup is due at {@code now}. */
  boolean due(Instant now, java.time.ZoneId zone) {
    return enabled
        && passphrase != null
        && !now.isBefore(timing().next(lastRunAt == null ? now : lastRunAt, zone));
  }

  void ran(Instant now) {
    lastRunAt = now;
  }

  String passphrase(SecretCipher cipher) {
    return cipher.decrypt(passphrase);
  }

  public BackupTiming timing() {
    return new BackupTiming(frequency, day, at);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public BackupTiming.Frequency getFrequency() {
    return frequency;
  }

  public DayOfWeek getDay() {
    return day;
  }

  public LocalTime getAt() {
    return at;
  }

  public int getKeep() {
    return keep;
  }

  public Set<BackupContent> getContents() {
    Set<BackupContent> set = EnumSet.noneOf(BackupContent.class);
    Arrays.stream(contents.split(","))
        .filter(s -> !s.isBlank())
        .forEach(s -> set.add(BackupContent.valueOf(s)));
    return set;
  }

  public boolean isPassphraseSet() {
    return passphrase != null;
  }

  public Instant getLastRunAt() {
    return lastRunAt;
  }

  public int getVersion() {
    return version;
  }
}
