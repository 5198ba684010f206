package io.bulwark.pbx.system;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Carries out the portal's moves after the request that asked for them: a confirmed move closes the
 * old listeners a moment after its answer left on the new port; an unconfirmed one is undone when
 * its time is up. At start, what a restart interrupted is finished the same way, once WildFly has
 * booted and takes management operations.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class WebPortsWatch {

  private static final Logger LOG = Logger.getLogger(WebPortsWatch.class);

  /** Long enough for the confirmation's answer to leave before its connection is closed. */
  private static final Duration AFTER_ANSWER = Duration.ofSeconds(1);

  private static final Duration AFTER_BOOT = Duration.ofSeconds(15);
  private static final Duration RETRY = Duration.ofSeconds(10);
  private static final int ATTEMPTS = 30;

  @Resource private ManagedScheduledExecutorService executor;
  @Inject private WebPortsService service;
  @Inject private Clock clock;
  @Inject private SchemaMigration schema;

  @PostConstruct
  void start() {
    if (!schema.isMigrated()) {
      return; // the release is about to be rolled back; the listeners stay as they are
    }
    WebPortSetting.Pending waiting = service.started();
    if (waiting != null) {
      undoAt(later(waiting.until(), clock.instant().plus(AFTER_BOOT)));
    } else {
      // A restart between a confirmation and the closing of the old listeners left them open.
      finish(WebPorts.inForce(), AFTER_BOOT, ATTEMPTS);
    }
  }

  /** Whether a move waits for its confirmation: its listeners are then left alone. */
  private boolean moving() {
    return service.settings().pending() != null;
  }

  /** Undoes the waiting move at {@code until} unless it was confirmed by then. */
  public void undoAt(Instant until) {
    undoAt(until, ATTEMPTS);
  }

  /** Closes every listener not on {@code ports}, a moment from now. */
  public void finish(WebPorts ports) {
    finish(ports, AFTER_ANSWER, ATTEMPTS);
  }

  private void undoAt(Instant until, int attempts) {
    schedule(
        Duration.between(clock.instant(), until),
        () -> {
          try {
            Instant later = service.undoIfUnconfirmed();
            if (later != null) {
              undoAt(later, attempts);
            }
          } catch (RuntimeException e) {
            retry(
                "undo the unconfirmed move",
                e,
                attempts,
                () -> undoAt(nowPlusRetry(), attempts - 1));
          }
        });
  }

  private void finish(WebPorts ports, Duration delay, int attempts) {
    schedule(
        delay,
        () -> {
          if (moving()) {
            return;
          }
          try (Management management = Management.connect()) {
            new WebListeners(management).keepOnly(ports);
          } catch (IOException | RuntimeException e) {
            retry(
                "close the listeners off " + ports.describe(),
                e,
                attempts,
                () -> finish(ports, RETRY, attempts - 1));
          }
        });
  }

  private static void retry(String what, Exception e, int attempts, Runnable again) {
    if (attempts > 1) {
      LOG.warnf("Could not %s yet (%s); trying again", what, e.getMessage());
      again.run();
    } else {
      LOG.errorf("Could not %s: %s", what, e.getMessage());
    }
  }

  private Instant nowPlusRetry() {
    return clock.instant().plus(RETRY);
  }

  private void schedule(Duration delay, Runnable task) {
    executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  private static Instant later(Instant one, Instant other) {
    return one.isAfter(other) ? one : other;
  }
}
