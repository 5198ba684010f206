package io.bulwark.pbx.backup;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Looks every minute whether a scheduled backup is due, makes it, and then keeps only the newest
 * scheduled backups the schedule says to keep, here and on the SFTP server; manual and uploaded
 * backups are never removed.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupScheduler {

  private static final Logger LOG = Logger.getLogger(BackupScheduler.class);

  @Inject private BackupScheduleService schedule;
  @Inject private BackupService backups;
  @Inject private SftpBackups sftp;

  @Schedule(hour = "*", minute = "*", persistent = false)
  void everyMinute() {
    schedule.claimDue().ifPresent(this::run);
  }

  private void run(BackupScheduleService.Due due) {
    try {
      backups.create(due.contents(), due.passphrase(), "system", BackupService.SCHEDULED);
    } catch (RuntimeException e) {
      LOG.warnf("The scheduled backup failed: %s", e.getMessage());
      return;
    }
    List<BackupFile> scheduled =
        backups.list().stream()
            .filter(b -> b.name().startsWith(BackupService.SCHEDULED + "-"))
            .toList();
    for (BackupFile old :
        scheduled.subList(Math.min(due.keep(), scheduled.size()), scheduled.size())) {
      backups.delete(old.name(), "system");
    }
    sftp.prune(BackupService.SCHEDULED, due.keep());
  }
}
