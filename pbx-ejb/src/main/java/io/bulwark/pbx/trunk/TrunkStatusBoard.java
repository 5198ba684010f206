package io.bulwark.pbx.trunk;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registration state of each register trunk as the registration client last reported it, for
 * the portal and the API. Kept in memory only: after a restart the client registers again and
 * reports afresh. A trunk whose registration fails is reported down (an alert), and up again once
 * it registers.
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
  private final Set<Long> down = ConcurrentHashMap.newKeySet();
  private final SecurityEvents events;

  @Inject
  public TrunkStatusBoard(SecurityEvents events) {
    this.events = events;
  }

  /** For the container's proxy. */
  protected TrunkStatusBoard() {
    this(null);
  }

  /** Called by the registration client after each REGISTER's final answer, or when it stops. */
  public void report(long trunkId, String trunkName, State state, String detail, Instant at) {
    String said = detail == null ? "" : detail;
    byTrunk.compute(
        trunkId,
        (id, previous) ->
            previous != null && previous.state() == state
                ? new Status(state, said, previous.since())
                : new Status(state, said, at));
    // Down from its first failure until it registers again, through any retries in between.
    EventType change =
        state == State.FAILED && down.add(trunkId)
            ? EventType.TRUNK_DOWN
            : state == State.REGISTERED && down.remove(trunkId) ? EventType.TRUNK_UP : null;
    if (change != null) {
      events.fireAsync(
          new SecurityEvent(
              at,
              change,
              null,
              null,
              change == EventType.TRUNK_DOWN ? "down" : "up",
              "trunk " + trunkName + (said.isEmpty() ? "" : ": " + said)));
    }
  }

  /** A deleted trunk's state goes with it. */
  void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrunkChanged change) {
    if (change.deleted()) {
      byTrunk.remove(change.trunkId());
      down.remove(change.trunkId());
    }
  }

  public Status statusOf(long trunkId) {
    return byTrunk.getOrDefault(trunkId, Status.UNKNOWN);
  }
}
