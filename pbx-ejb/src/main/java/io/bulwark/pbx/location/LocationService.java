package io.bulwark.pbx.location;

import io.bulwark.pbx.extension.ExtensionChanged;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs the in-memory location service: reads the bindings back from MariaDB at start, writes
 * changes behind in batches {@value #FLUSH_INTERVAL_SECONDS} second after the previous flush ended,
 * drops expired bindings, and writes what is left when the application stops.
 *
 * <p>Durability: a binding acknowledged with 200 OK is in the database after the next flush, so a
 * crash ({@code kill -9}) loses at most the last {@value #FLUSH_INTERVAL_SECONDS} second of
 * changes, as long as fewer than {@value #MAX_WRITES_PER_SECOND} addresses a second change (a
 * larger burst takes proportionally longer); phones whose change was lost re-register when their
 * binding runs out, as after any registrar restart. The writer is a thread of this bean, never a
 * SIP thread, and what waits for it is bounded: one entry per extension, however many REGISTERs
 * arrive.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class LocationService {

  static final int FLUSH_INTERVAL_SECONDS = 1;
  private static final int BATCH = 200;

  /**
   * Addresses written per second at most while SIP runs. Thousands of phones booting at once would
   * otherwise make MariaDB take a whole core in one burst, and SIP answers on the same cores wait;
   * a burst is written over the next seconds instead, at a steady fraction of a core.
   */
  static final int MAX_WRITES_PER_SECOND = 2_000;

  private static final Logger LOG = Logger.getLogger(LocationService.class);

  @Resource(lookup = "java:jboss/datasources/BulwarkDS")
  private DataSource dataSource;

  @Inject private Clock clock;

  /**
   * A thread of our own rather than the server's scheduled executor: that one refuses work once the
   * server begins to suspend, before this bean is told to stop, and logs each refusal as an error.
   */
  @Resource private ManagedThreadFactory threads;

  private ScheduledExecutorService scheduler;

  private Locations locations;
  private BindingRepository repository;
  private volatile boolean databaseFailing;
  private volatile boolean stopping;

  @PostConstruct
  void load() {
    repository = new BindingRepository(dataSource);
    locations =
        new Locations(
            new ConcurrentMapLocationStore(),
            new RegistrationRules(RegistrationPolicy.STANDARD),
            clock);
    long start = System.nanoTime();
    try {
      int rows = repository.loadActive(clock.millis(), locations::restore);
      LOG.infof(
          "Location service: %d bindings of %d extensions restored in %d ms",
          rows, locations.addressCount(), (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the registration bindings", e);
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(threads);
    scheduler.scheduleWithFixedDelay(
        this::tick, FLUSH_INTERVAL_SECONDS, FLUSH_INTERVAL_SECONDS, TimeUnit.SECONDS);
  }

  /** The service itself, for callers on SIP threads: plain calls, no container proxy. */
  public Locations locations() {
    return locations;
  }

  /** Expires and flushes, then waits a flush interval: a slow database never overlaps itself. */
  private void tick() {
    try {
      locations.expireDue();
      flush(true);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Location service housekeeping failed; it runs again in a second");
    }
  }

  /** Rows of bindings that expired in memory are removed here, in one statement. */
  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void purgeExpiredRows() {
    try {
      repository.deleteExpired(clock.millis());
    } catch (SQLException e) {
      LOG.debugf(e, "Purging expired bindings failed; the next purge retries");
    }
  }

  @PreDestroy
  void flushOnStop() {
    stopping = true; // a paced flush still running finishes at full speed
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush(false);
  }

  public void forgetDeleted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ExtensionChanged change) {
    if (change.deleted() && locations != null) {
      locations.forget(change.number());
    }
  }

  /** Synchronized so that the last flush at stop waits for a running one. */
  private synchronized void flush(boolean paced) {
    List<Locations.Pending> batch;
    while (!(batch = locations.takeDirty(BATCH)).isEmpty()) {
      long started = System.nanoTime();
      try {
        repository.write(batch);
        locations.written(batch);
        if (databaseFailing) {
          databaseFailing = false;
          LOG.info("Registration bindings are written to the database again");
        }
      } catch (SQLException | RuntimeException e) {
        locations.retry(batch);
        if (!databaseFailing) {
          databaseFailing = true;
          LOG.warnf(e, "Cannot write registration bindings; they stay in memory and are retried");
        }
        return;
      }
      if (paced && !stopping && locations.dirtyCount() > 0) {
        pause(started, batch.size());
      }
    }
  }

  private static void pause(long startedNanos, int written) {
    long dueNanos = written * 1_000_000_000L / MAX_WRITES_PER_SECOND;
    long leftNanos = dueNanos - (System.nanoTime() - startedNanos);
    if (leftNanos > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(leftNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
