package io.bulwark.pbx.trunk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registration state of each register trunk as the registration client last reported it, for
 * the portal and the API. Kept in memory only: after a restart the client registers again and
 * reports afresh.
 */
@ApplicationScoped
public class TrunkStatusBoard {

  /** Where a trunk's registration stands. */
  public enum State {
    /** Nothing reported yet, or the trunk is disabled. */
    UNREGISTERED,
    REGISTERED,
    FAILED
  }

  /**
   * @param detail what the provider answered, such as {@code 403 Forbidden}; empty when nothing
   * @param since when the trunk entered this state; {@code null} for a trunk never reported
   */
  public record Status(State state, String detail, Instant since) {
    static final Status UNKNOWN = new Status(State.UNREGISTERED, "", null);
  }

  private final Map<Long, Status> byTrunk = new ConcurrentHashMap<>();

  /** Called by the registration client after each REGISTER's final answer, or when it stops. */
  public void report(long trunkId, State state, String detail, Instant at) {
    byTrunk.compute(
        trunkId,
        (id, previous) ->
            previous != null && previous.state() == state
                ? new Status(state, detail == null ? "" : detail, previous.since())
                : new Status(state, detail == null ? "" : detail, at));
  }

  /** A deleted trunk's state goes with it. */
  void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrunkChanged change) {
    if (change.deleted()) {
      byTrunk.remove(change.trunkId());
    }
  }

  public Status statusOf(long trunkId) {
    return byTrunk.getOrDefault(trunkId, Status.UNKNOWN);
  }
}
