package io.bulwark.pbx.backup;

import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs a backup or a restore in the background for the portal, which shows {@link BackupProgress}
 * meanwhile; its outcome, refusals included, ends up there and in the event log.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupJobs {

  private static final Logger LOG = Logger.getLogger(BackupJobs.class);

  @Inject private BackupService backups;
  @Inject private BackupProgress progress;

  @Asynchronous
  public void backup(Set<BackupContent> contents, String passphrase, String actor) {
    run(() -> backups.create(contents, passphrase, actor, BackupService.MANUAL));
  }

  @Asynchronous
  public void restore(String name, String passphrase, String actor) {
    run(() -> backups.restore(name, passphrase, actor));
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
      if (!progress.state().running()) {
        progress.end(progress.state().outcome() + ": " + reason);
      }
    }
  }
}
