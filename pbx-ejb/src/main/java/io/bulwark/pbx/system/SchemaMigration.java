package io.bulwark.pbx.system;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jboss.logging.Logger;

/**
 * Brings the schema up to date before anything else in the application touches the database.
 * Startup beans that use persistence declare {@code @DependsOn("SchemaMigration")}.
 *
 * <p>A migration that fails does not fail the deployment: the release starts on the schema as it
 * was left and {@code /health} reports the schema DOWN, so the upgrade installer rolls it back at
 * once, while a failed deployment can leave WildFly waiting on the timers it had already started.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

  @Resource(lookup = "java:jboss/datasources/BulwarkDS")
  private DataSource dataSource;

  /** The launcher starts MariaDB and WildFly side by side, and an appliance boots both at once. */
  private static final Duration DATABASE_WAIT = Duration.ofSeconds(120);

  private volatile boolean migrated;

  @PostConstruct
  void migrate() {
    awaitDatabase();
    try {
      var result =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load()
              .migrate();
      migrated = true;
      LOG.infof(
          "Schema at version %s (%d migrations applied now)",
          result.targetSchemaVersion, result.migrationsExecuted);
    } catch (FlywayException e) {
      LOG.errorf(e, "The schema could not be brought up to date; this release is not healthy");
    }
  }

  /** Whether every migration of this release applied. */
  public boolean isMigrated() {
    return migrated;
  }

  private void awaitDatabase() {
    long deadline = System.nanoTime() + DATABASE_WAIT.toNanos();
    while (true) {
      try {
        dataSource.getConnection().close();
        return;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "The database did not answer within " + DATABASE_WAIT.toSeconds() + " s", e);
        }
        LOG.debugf("Waiting for the database: %s", e.getMessage());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the database", e);
      }
    }
  }
}
