package io.bulwark.pbx.backup;

import io.bulwark.pbx.system.FieldViolation;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The backup schedule as an administrator sets it; a {@code null} or empty passphrase keeps the one
 * saved.
 */
public record BackupScheduleDraft(
    boolean enabled,
    BackupTiming.Frequency frequency,
    DayOfWeek day,
    LocalTime at,
    Integer keep,
    Set<BackupContent> contents,
    String passphrase) {

  static final int MAX_KEEP = 100;

  public BackupScheduleDraft {
    contents = contents == null ? Set.of() : Set.copyOf(contents);
  }

  List<FieldViolation> violations(boolean passphraseSaved) {
    List<FieldViolation> found = new ArrayList<>();
    if (frequency == null) {
      found.add(new FieldViolation("frequency", "DAILY or WEEKLY"));
    }
    if (frequency == BackupTiming.Frequency.WEEKLY && day == null) {
      found.add(new FieldViolation("day", "The day of the week a weekly backup runs"));
    }
    if (at == null) {
      found.add(new FieldViolation("at", "The time of day, such as 02:30"));
    }
    if (keep == null || keep < 1 || keep > MAX_KEEP) {
      found.add(new FieldViolation("keep", "From 1 to " + MAX_KEEP + " backups"));
    }
    if (contents.isEmpty()) {
      found.add(new FieldViolation("contents", "Choose what to back up"));
    }
    if (passphrase != null && !passphrase.isEmpty()) {
      Passphrase.violation(passphrase).ifPresent(found::add);
    } else if (enabled && !passphraseSaved) {
      found.add(
          new FieldViolation("passphrase", "Scheduled backups need a passphrase to encrypt them"));
    }
    return found;
  }

  String describe() {
    return "backup schedule "
        + (enabled ? "on, " + new BackupTiming(frequency, day, at).describe() : "off")
        + ", keep "
        + keep
        + ", "
        + contents.stream().map(BackupContent::getLabel).sorted().toList()
        + (passphrase == null || passphrase.isEmpty() ? "" : ", new passphrase");
  }
}
