package io.bulwark.pbx.backup;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the backup or restore under way has come, and how the last one ended, for the page and
 * the API to show; one runs at a time, and another is refused while one does.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BackupProgress {

  /**
   * @param operation Backup, Check or Restore
   * @param backup the backup's file name, once known
   * @param table the table being read or written
   * @param rows rows done so far, of {@code totalRows}
   * @param running false once it ended; {@code failed} and {@code outcome} then say how
   */
  public record State(
      String operation,
      String backup,
      String table,
      long rows,
      long totalRows,
      boolean running,
      boolean failed,
      String outcome) {

    /** How far it has come, 0 to 100. */
    public int percent() {
      return totalRows == 0 ? (running ? 0 : 100) : (int) Math.min(100, rows * 100 / totalRows);
    }
  }

  private static final State IDLE = new State("", null, "", 0, 0, false, false, "");

  private final AtomicReference<State> state = new AtomicReference<>(IDLE);

  public State state() {
    return state.get();
  }

  /** Claims the one slot; false when another operation runs. */
  public boolean begin(String operation, String backup, long totalRows) {
    State now = state.get();
    return !now.running()
        && state.compareAndSet(
            now, new State(operation, backup, "", 0, totalRows, true, false, ""));
  }

  public void at(String table, long rows) {
    state.updateAndGet(
        s -> new State(s.operation(), s.backup(), table, rows, s.totalRows(), true, false, ""));
  }

  public void total(String backup, long totalRows) {
    state.updateAndGet(
        s -> new State(s.operation(), backup, s.table(), s.rows(), totalRows, true, false, ""));
  }

  public void end(String outcome) {
    finish(false, outcome);
  }

  public void fail(String outcome) {
    finish(true, outcome);
  }

  private void finish(boolean failed, String outcome) {
    state.updateAndGet(
        s ->
            new State(
                s.operation(), s.backup(), "", s.rows(), s.totalRows(), false, failed, outcome));
  }
}
