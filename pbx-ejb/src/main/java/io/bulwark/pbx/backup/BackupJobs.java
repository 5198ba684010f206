package io.bulwark.pbx.backup;

import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Starts a backup or a restore and lets it run in the background: what can be refused at once
 * (nothing chosen, a short or wrong passphrase, a changed file, another one running) is refused
 * before the start returns; the rest is followed in {@link BackupProgress} and the event log. No
 * HTTP request waits minutes for a million rows.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupJobs {

  private static final Logger LOG = Logger.getLogger(BackupJobs.class);

  @Inject private BackupService backups;
  @Inject private BackupProgress progress;
  @Resource private SessionContext context;

  public void startBackup(Set<BackupContent> contents, String passphrase, String actor) {
    backups.checkRequest(contents, passphrase);
    backups.claim("Backup", null, 0);
    context.getBusinessObject(BackupJobs.class).runBackup(contents, passphrase, actor);
  }

  public void startRestore(String name, String passphrase, String actor) {
    BackupFile backup = backups.precheck(name, passphrase, actor);
    backups.claim("Restore", name, backup.manifest().rows() * 2);
    context.getBusinessObject(BackupJobs.class).runRestore(name, passphrase, actor);
  }

  @Asynchronous
  public void runBackup(Set<BackupContent> contents, String passphrase, String actor) {
    run(() -> backups.createClaimed(contents, passphrase, actor, BackupService.MANUAL));
  }

  @Asynchronous
  public void runRestore(String name, String passphrase, String actor) {
    run(() -> backups.restoreClaimed(name, passphrase, actor));
  }

  private void run(Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      String reason =
          e instanceof InvalidInputException invalid
              ? invalid.violations().get(0).message()
              : e instanceof UnavailableException || e instanceof NotFoundException
                  ? e.getMessage()
                  : "it failed; the server log says why";
      LOG.debugf(e, "Backup job ended: %s", reason);
      progress.fail(progress.state().outcome() + ": " + reason);
    }
  }
}
