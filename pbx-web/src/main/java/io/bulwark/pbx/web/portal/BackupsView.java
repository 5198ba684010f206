package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.backup.BackupContent;
import io.bulwark.pbx.backup.BackupFile;
import io.bulwark.pbx.backup.BackupJobs;
import io.bulwark.pbx.backup.BackupProgress;
import io.bulwark.pbx.backup.BackupSchedule;
import io.bulwark.pbx.backup.BackupScheduleDraft;
import io.bulwark.pbx.backup.BackupScheduleService;
import io.bulwark.pbx.backup.BackupService;
import io.bulwark.pbx.backup.BackupTiming;
import io.bulwark.pbx.backup.Passphrase;
import io.bulwark.pbx.backup.RestorePlan;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Maintenance > Backup and Restore: a backup of the chosen contents under a passphrase, with its
 * progress; the backups in the folder, each to download, check (a dry run) or restore.
 */
@Named
@ViewScoped
public class BackupsView implements Serializable {

  @Inject private transient BackupService backups;
  @Inject private transient BackupJobs jobs;
  @Inject private transient BackupProgress progress;
  @Inject private transient BackupScheduleService schedules;

  private List<BackupFile> all;
  private List<String> contents =
      new ArrayList<>(
          List.of(
              BackupContent.CONFIGURATION.name(),
              BackupContent.CALL_RECORDS.name(),
              BackupContent.EVENT_LOGS.name(),
              BackupContent.CERTIFICATES.name()));
  private String passphrase;
  private String chosen;
  private String restorePassphrase;
  private RestorePlan plan;

  private boolean scheduleEnabled;
  private String frequency;
  private String day;
  private String at;
  private Integer keep;
  private List<String> scheduleContents;
  private String schedulePassphrase;
  private int scheduleVersion;
  private boolean schedulePassphraseSet;

  @PostConstruct
  void load() {
    all = backups.list();
    if (frequency == null) {
      readSchedule();
    }
  }

  private void readSchedule() {
    BackupSchedule s = schedules.schedule();
    scheduleEnabled = s.isEnabled();
    frequency = s.getFrequency().name();
    day = s.getDay().name();
    at = s.getAt().toString();
    keep = s.getKeep();
    scheduleContents = new ArrayList<>(s.getContents().stream().map(Enum::name).toList());
    scheduleVersion = s.getVersion();
    schedulePassphraseSet = s.isPassphraseSet();
    schedulePassphrase = null;
  }

  public void saveSchedule() {
    List<FieldViolation> violations = new ArrayList<>();
    LocalTime time = null;
    try {
      time = LocalTime.parse(at == null ? "" : at.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation("at", "A time of day such as 02:30"));
    }
    if (!violations.isEmpty()) {
      FormMessages.fields("schedule", violations);
      return;
    }
    EnumSet<BackupContent> chosenContents = EnumSet.noneOf(BackupContent.class);
    scheduleContents.forEach(c -> chosenContents.add(BackupContent.valueOf(c)));
    try {
      schedules.update(
          scheduleVersion,
          new BackupScheduleDraft(
              scheduleEnabled,
              BackupTiming.Frequency.valueOf(frequency),
              DayOfWeek.valueOf(day),
              time,
              keep,
              chosenContents,
              schedulePassphrase),
          FormMessages.actor());
      readSchedule();
      FormMessages.info("Backup schedule saved");
    } catch (InvalidInputException e) {
      FormMessages.fields("schedule", e.violations());
    } catch (ConcurrentChangeException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  /** When the schedule runs next, in words; empty when it is off. */
  public String getNextRun() {
    return schedules.nextRun().map(Object::toString).orElse("");
  }

  public DayOfWeek[] getDays() {
    return DayOfWeek.values();
  }

  public boolean isScheduleEnabled() {
    return scheduleEnabled;
  }

  public void setScheduleEnabled(boolean scheduleEnabled) {
    this.scheduleEnabled = scheduleEnabled;
  }

  public String getFrequency() {
    return frequency;
  }

  public void setFrequency(String frequency) {
    this.frequency = frequency;
  }

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public Integer getKeep() {
    return keep;
  }

  public void setKeep(Integer keep) {
    this.keep = keep;
  }

  public List<String> getScheduleContents() {
    return scheduleContents;
  }

  public void setScheduleContents(List<String> scheduleContents) {
    this.scheduleContents =
        scheduleContents == null ? new ArrayList<>() : new ArrayList<>(scheduleContents);
  }

  public String getSchedulePassphrase() {
    return schedulePassphrase;
  }

  public void setSchedulePassphrase(String schedulePassphrase) {
    this.schedulePassphrase = schedulePassphrase;
  }

  public boolean isSchedulePassphraseSet() {
    return schedulePassphraseSet;
  }

  public void backUp() {
    List<FieldViolation> violations = new ArrayList<>();
    if (contents.isEmpty()) {
      violations.add(new FieldViolation("contents", "Choose what to back up"));
    }
    Passphrase.violation(passphrase).ifPresent(violations::add);
    if (!violations.isEmpty()) {
      FormMessages.fields("backup", violations);
      return;
    }
    EnumSet<BackupContent> chosenContents = EnumSet.noneOf(BackupContent.class);
    contents.forEach(c -> chosenContents.add(BackupContent.valueOf(c)));
    try {
      jobs.startBackup(chosenContents, passphrase, FormMessages.actor());
      passphrase = null;
      FormMessages.info("Backup started; its progress shows below");
    } catch (UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void choose(String name) {
    chosen = name;
    plan = null;
    restorePassphrase = null;
  }

  /** The dry run: reads the whole backup and shows what a restore would change. */
  public void check() {
    try {
      plan = backups.check(chosen, restorePassphrase, FormMessages.actor());
    } catch (InvalidInputException e) {
      plan = null;
      FormMessages.fields(
          "restore",
          List.of(new FieldViolation("restorePassphrase", e.violations().get(0).message())));
    } catch (NotFoundException | UnavailableException e) {
      plan = null;
      FormMessages.error(e.getMessage());
    }
  }

  public void restore() {
    try {
      jobs.startRestore(chosen, restorePassphrase, FormMessages.actor());
      FormMessages.info("Restore of " + chosen + " started; its progress shows below");
      chosen = null;
      plan = null;
      restorePassphrase = null;
    } catch (InvalidInputException e) {
      FormMessages.refused(e.violations().get(0).message());
    } catch (NotFoundException | UnavailableException e) {
      FormMessages.refused(e.getMessage());
    }
  }

  public void delete(String name) {
    try {
      backups.delete(name, FormMessages.actor());
      FormMessages.info("Backup " + name + " deleted");
    } catch (NotFoundException | UnavailableException e) {
      FormMessages.error(e.getMessage());
    }
    if (name.equals(chosen)) {
      choose(null);
    }
    load();
  }

  public void refresh() {
    load();
  }

  public BackupProgress.State getProgress() {
    return progress.state();
  }

  public List<BackupFile> getAll() {
    return all;
  }

  public BackupContent[] getAllContents() {
    return BackupContent.values();
  }

  public List<String> getContents() {
    return contents;
  }

  public void setContents(List<String> contents) {
    this.contents = contents == null ? new ArrayList<>() : new ArrayList<>(contents);
  }

  public String getPassphrase() {
    return passphrase;
  }

  public void setPassphrase(String passphrase) {
    this.passphrase = passphrase;
  }

  public String getChosen() {
    return chosen;
  }

  public String getRestorePassphrase() {
    return restorePassphrase;
  }

  public void setRestorePassphrase(String restorePassphrase) {
    this.restorePassphrase = restorePassphrase;
  }

  public RestorePlan getPlan() {
    return plan;
  }
}
