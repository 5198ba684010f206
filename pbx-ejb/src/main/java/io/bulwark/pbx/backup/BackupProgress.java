package io.bulwark.pbx.backup;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the backup or restore under way has come, for the page and the API to show while it runs;
 * one runs at a time, and a second is refused while one does.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BackupProgress {

  /**
   * @param operation Backup, Check or Restore
   * @param table the table being read or written
   * @param rows rows done so far, of {@code totalRows}
   * @param running false once it ended; {@code outcome} then says how
   */
  public record State(
      String operation, String table, long rows, long totalRows, boolean running, String outcome) {

    /** How far it has come, 0 to 100. */
    public int percent() {
      return totalRows == 0 ? (running ? 0 : 100) : (int) Math.min(100, rows * 100 / totalRows);
    }
  }

  private static final State IDLE = new State("", "", 0, 0, false, "");

  private final AtomicReference<State> state = new AtomicReference<>(IDLE);

  public State state() {
    return state.get();
  }

  /** Claims the one slot; false when another operation runs. */
  public boolean begin(String operation, long totalRows) {
    State now = state.get();
    return !now.running()
        && state.compareAndSet(now, new State(operation, "", 0, totalRows, true, ""));
  }

  public void at(String table, long rows) {
    state.updateAndGet(s -> new State(s.operation(), table, rows, s.totalRows(), true, ""));
  }

  public void total(long totalRows) {
    state.updateAndGet(s -> new State(s.operation(), s.table(), s.rows(), totalRows, true, ""));
  }

  public void end(String outcome) {
    state.updateAndGet(s -> new State(s.operation(), "", s.rows(), s.totalRows(), false, outcome));
  }
}
