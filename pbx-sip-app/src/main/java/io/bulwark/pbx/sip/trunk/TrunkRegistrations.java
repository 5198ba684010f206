package io.bulwark.pbx.sip.trunk;

import io.bulwark.pbx.trunk.TrunkProfile;
import io.bulwark.pbx.trunk.TrunkStatusBoard;
import io.bulwark.pbx.trunk.Trunks;
import io.bulwark.sip.SipClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Keeps every enabled register trunk registered: {@link #reconcile} starts a registration for a
 * trunk that has none, and withdraws and starts again one whose trunk changed or went away; each
 * registration's state goes to the status board the portal reads.
 */
public final class TrunkRegistrations {

  private final Supplier<Trunks> trunks;
  private final SipClient client;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final TrunkStatusBoard board;
  private final Map<Long, Running> running = new HashMap<>();

  private record Running(TrunkProfile profile, TrunkRegistration registration) {}

  public TrunkRegistrations(
      Supplier<Trunks> trunks,
      SipClient client,
      ScheduledExecutorService timer,
      Clock clock,
      TrunkStatusBoard board) {
    this.trunks = trunks;
    this.client = client;
    this.timer = timer;
    this.clock = clock;
    this.board = board;
  }

  /** Brings the registrations in line with the trunks of now; cheap when nothing changed. */
  public synchronized void reconcile() {
    Map<Long, TrunkProfile> wanted = new HashMap<>();
    trunks.get().toRegister().forEach(t -> wanted.put(t.id(), t));
    for (Iterator<Map.Entry<Long, Running>> it = running.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Running> entry = it.next();
      if (!entry.getValue().profile().equals(wanted.get(entry.getKey()))) {
        entry.getValue().registration().stop();
        it.remove();
      }
    }
    wanted.forEach(
        (id, profile) -> {
          if (!running.containsKey(id)) {
            start(profile);
          }
        });
  }

  /** Withdraws every registration, as SIP stops. */
  public synchronized void stopAll() {
    running.values().forEach(r -> r.registration().stop());
    running.clear();
  }

  private void start(TrunkProfile trunk) {
    if (trunk.credentials() == null) {
      board.report(
          trunk.id(),
          trunk.name(),
          TrunkStatusBoard.State.FAILED,
          "The trunk has no credentials to register with",
          clock.instant());
      return;
    }
    TrunkRegistration registration =
        new TrunkRegistration(
            new RegistrationTarget(
                trunk.name(),
                trunk.address().host(),
                trunk.address().port() == 0 ? 5060 : trunk.address().port(),
                trunk.transport().name(),
                trunk.domain(),
                trunk.credentials().username(),
                trunk.credentials().authName(),
                trunk.credentials().password(),
                trunk.outboundProxy() == null ? null : trunk.outboundProxy().toString(),
                trunk.registrationExpirySeconds()),
            client,
            timer,
            clock,
            state -> report(trunk, state));
    running.put(trunk.id(), new Running(trunk, registration));
    registration.start();
  }

  private void report(TrunkProfile trunk, RegistrationState state) {
    TrunkStatusBoard.State shown =
        switch (state.status()) {
          case REGISTERED -> TrunkStatusBoard.State.REGISTERED;
          case FAILED -> TrunkStatusBoard.State.FAILED;
          case REGISTERING, STOPPED -> TrunkStatusBoard.State.UNREGISTERED;
        };
    board.report(trunk.id(), trunk.name(), shown, state.detail(), state.since());
  }
}
