package io.bulwark.pbx.cdr;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.MediaRelayRestarting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The calls ringing or up right now, by key. The SIP application adds a call as it starts and
 * removes it as it ends, on SIP threads: a map operation, nothing more.
 */
@ApplicationScoped
public class LiveCalls {

  private static final Logger LOG = Logger.getLogger(LiveCalls.class);

  private final ConcurrentMap<String, LiveCall> calls = new ConcurrentHashMap<>();

  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  public void add(LiveCall call) {
    calls.put(call.record().key(), call);
  }

  public void remove(String key) {
    calls.remove(key);
  }

  public Optional<LiveCall> find(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(calls.get(key));
  }

  /** Oldest first. */
  public List<CallDetailRecord> list() {
    return calls.values().stream()
        .map(LiveCall::record)
        .sorted(Comparator.comparing(CallDetailRecord::startedAt))
        .toList();
  }

  public int count() {
    return calls.size();
  }

  /**
   * An administrator ends a call: both parties are hung up, the record names who did it, and the
   * event log has it. False when no such call is live (it ended meanwhile, or never was).
   */
  public boolean hangUp(String key, String actor) {
    Optional<LiveCall> call = find(key);
    if (call.isEmpty()) {
      return false;
    }
    CallParties parties = call.get().record().parties();
    call.get().hangUp("Hung up by " + (actor == null ? "an administrator" : actor));
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.CALL_HUNG_UP,
            null,
            actor,
            "hang up",
            "call from " + parties.caller() + " to " + parties.dialled()));
    return true;
  }

  /** Ends every call before the media relay starts again, waiting for them at most 10 s. */
  void hangUpBefore(@Observes MediaRelayRestarting restarting) {
    try {
      hangUpAll(restarting.cause()).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warnf("Not every call was hung up before the media relay restarted: %s", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends every call, as the SIP application stops: each one's record says so. */
  public CompletableFuture<Void> hangUpAll(String cause) {
    return CompletableFuture.allOf(
        calls.values().stream()
            .map(call -> call.hangUp(cause).toCompletableFuture())
            .toArray(CompletableFuture[]::new));
  }
}
