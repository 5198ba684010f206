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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs the in-memory location service: reads the bindings back from MariaDB at start, writes
 * changes behind every {@value #FLUSH_INTERVAL_SECONDS} second in batches, drops expired bindings,
 * and writes what is left when the application stops.
 *
 * <p>Durability: a binding acknowledged with 200 OK is in the database after the next flush, so a
 * crash ({@code kill -9}) loses at most the last {@value #FLUSH_INTERVAL_SECONDS} second of
 * changes; phones whose change was lost re-register when their binding runs out, as after any
 * registrar restart. The writer is the timer thread, never a SIP thread, and what waits for it is
 * bounded: one entry per extension, however many REGISTERs arrive.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class LocationService {

  static final int FLUSH_INTERVAL_SECONDS = 1;
  private static final int BATCH = 500;
  private static final Logger LOG = Logger.getLogger(LocationService.class);

  @Resource(lookup = "java:jboss/datasources/BulwarkDS")
  private DataSource dataSource;

  @Inject private Clock clock;

  private Locations locations;
  private BindingRepository repository;
  private volatile boolean databaseFailing;

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
  }

  /** The service itself, for callers on SIP threads: plain calls, no container proxy. */
  public Locations locations() {
    return locations;
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void tick() {
    locations.expireDue();
    flush();
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
    flush();
  }

  public void forgetDeleted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ExtensionChanged change) {
    if (change.deleted() && locations != null) {
      locations.forget(change.number());
    }
  }

  private void flush() {
    List<Locations.Pending> batch;
    while (!(batch = locations.takeDirty(BATCH)).isEmpty()) {
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
    }
  }
}
