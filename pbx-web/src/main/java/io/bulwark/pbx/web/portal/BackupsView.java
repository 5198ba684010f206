package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.backup.BackupContent;
import io.bulwark.pbx.backup.BackupFile;
import io.bulwark.pbx.backup.BackupJobs;
import io.bulwark.pbx.backup.BackupProgress;
import io.bulwark.pbx.backup.BackupService;
import io.bulwark.pbx.backup.Passphrase;
import io.bulwark.pbx.backup.RestorePlan;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
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

  private List<BackupFile> all;
  private List<String> contents =
      new ArrayList<>(
          List.of(
              BackupContent.CONFIGURATION.name(),
              BackupContent.CALL_RECORDS.name(),
              BackupContent.EVENT_LOGS.name()));
  private String passphrase;
  private String chosen;
  private String restorePassphrase;
  private RestorePlan plan;

  @PostConstruct
  void load() {
    all = backups.list();
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
    jobs.backup(chosenContents, passphrase, FormMessages.actor());
    passphrase = null;
    FormMessages.info("Backup started; its progress shows below");
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
    jobs.restore(chosen, restorePassphrase, FormMessages.actor());
    FormMessages.info("Restore of " + chosen + " started; its progress shows below");
    chosen = null;
    plan = null;
    restorePassphrase = null;
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
