package io.bulwark.pbx.backup;

import java.util.List;

/**
 * What a restore of a backup changes, table by table, found by reading the whole backup with its
 * passphrase: a dry run shows it, a restore carries it out. {@code certificate} says what becomes
 * of the server's certificate; null when the backup holds none.
 */
public record RestorePlan(BackupFile backup, List<TableChange> tables, String certificate) {

  /** A table's rows now and the rows the backup puts in their place. */
  public record TableChange(String table, long rowsNow, long rowsInBackup) {}

  public long rowsInBackup() {
    return tables.stream().mapToLong(TableChange::rowsInBackup).sum();
  }
}
