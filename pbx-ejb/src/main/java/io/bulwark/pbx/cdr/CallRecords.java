package io.bulwark.pbx.cdr;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Writes call detail records with group commit: SIP threads hand records over and go on; one writer
 * thread takes whatever waits, writes it in one transaction and then completes each record's stage,
 * so a call's end can be acknowledged once its record is durable. While the writer commits, the
 * next records gather, so at a thousand ends a second a record waits about one commit.
 *
 * <p>At start, calls left up by a server that died are closed at its last heartbeat (written every
 * {@value #HEARTBEAT_SECONDS} s), never left active.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class CallRecords {

  static final int HEARTBEAT_SECONDS = 10;

  /** How long a call's end waits for its record before it is acknowledged anyway. */
  static final long WAIT_MILLIS = 2_000;

  /** Records held while the database is away; beyond that a record is logged and dropped. */
  private static final int MAX_WAITING = 100_000;

  private static final int BATCH = 500;
  private static final int CONTINUATION_THREADS = 2;
  private static final Logger LOG = Logger.getLogger(CallRecords.class);

  @Resource(lookup = "java:jboss/datasources/BulwarkDS")
  private DataSource dataSource;

  @Inject private Clock clock;

  @Resource private ManagedThreadFactory threads;

  private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
  private final Map<Disposition, LongAdder> ended = new EnumMap<>(Disposition.class);
  private CallRecordRepository repository;
  private Thread writer;

  /**
   * Where the calls waiting for their records go on (relaying a 200, answering a BYE): not on the
   * writer, which would otherwise send every waiting call's SIP messages one by one before it could
   * commit the next batch.
   */
  private ExecutorService continuations;

  private volatile boolean stopping;
  private boolean databaseFailing;

  private record Pending(CallDetailRecord record, CompletableFuture<Void> written) {}

  @PostConstruct
  void start() {
    for (Disposition d : Disposition.values()) {
      ended.put(d, new LongAdder());
    }
    repository = new CallRecordRepository(dataSource);
    try {
      int closed = repository.closeInterrupted(clock.instant(), "Server stopped during the call");
      if (closed > 0) {
        LOG.warnf("%d calls were up when the server stopped; their records are closed", closed);
      }
      repository.heartbeat(clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the records of interrupted calls", e);
    }
    continuations = Executors.newFixedThreadPool(CONTINUATION_THREADS, threads);
    writer = threads.newThread(this::writeLoop);
    writer.setName("bulwark-call-records");
    writer.start();
  }

  /** The recorder for SIP threads: a plain call on this bean, no container proxy. */
  public CallRecorder recorder() {
    return this::queue;
  }

  /**
   * Queues a record (a call answered or ended). The stage completes when the record is committed,
   * or after {@value #WAIT_MILLIS} ms when the database is slow or away: the record is still
   * written later, but a call's end is not held up by it.
   */
  private CompletionStage<Void> queue(CallDetailRecord record) {
    if (record.isEnded()) {
      ended.get(record.disposition()).increment();
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    if (!waiting.offer(new Pending(record, written))) {
      LOG.errorf(
          "Call record %s lost: %d records wait for the database", record.key(), MAX_WAITING);
      written.complete(null);
      return written;
    }
    return written.completeOnTimeout(null, WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Calls ended since the start, by disposition. */
  public Map<Disposition, Long> endedByDisposition() {
    Map<Disposition, Long> counts = new EnumMap<>(Disposition.class);
    ended.forEach((d, count) -> counts.put(d, count.sum()));
    return counts;
  }

  /** Records waiting to be written. */
  public int waiting() {
    return waiting.size();
  }

  private void writeLoop() {
    long nextHeartbeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
    List<Pending> batch = new ArrayList<>(BATCH);
    while (!stopping || !waiting.isEmpty()) {
      try {
        Pending first = waiting.poll(1, TimeUnit.SECONDS);
        if (first != null) {
          batch.add(first);
          waiting.drainTo(batch, BATCH - 1);
          writeWithRetry(batch);
          batch.clear();
        }
        if (System.nanoTime() - nextHeartbeat > 0) {
          repository.heartbeat(clock.instant());
          nextHeartbeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (SQLException | RuntimeException e) {
        LOG.debugf(e, "Call record heartbeat failed");
      }
    }
  }

  private void writeWithRetry(List<Pending> batch) throws InterruptedException {
    // A call's answer and its end may both wait: the end, queued later, is the row to write.
    Map<String, CallDetailRecord> latest = new LinkedHashMap<>();
    for (Pending p : batch) {
      latest.put(p.record().key(), p.record());
    }
    while (true) {
      try {
        try {
          repository.write(latest.values());
        } catch (SQLException e) {
          if (!refusedForContent(e)) {
            throw e;
          }
          writeOneByOne(latest.values());
        }
        if (databaseFailing) {
          databaseFailing = false;
          LOG.info("Call records are written to the database again");
        }
        for (Pending p : batch) {
          continuations.execute(() -> p.written().complete(null));
        }
        return;
      } catch (SQLException | RuntimeException e) {
        if (!databaseFailing) {
          databaseFailing = true;
          LOG.warnf(e, "Cannot write call records; %d are retried every second", latest.size());
        }
        if (stopping) {
          LOG.errorf("%d call records lost at stop: the database does not answer", latest.size());
          return;
        }
        TimeUnit.SECONDS.sleep(1);
      }
    }
  }

  /**
   * A record the database refuses for what it holds (not for being away) must not stop the others
   * behind it: each is tried alone, and one refused alone is logged and given up.
   */
  private void writeOneByOne(Collection<CallDetailRecord> records) throws SQLException {
    for (CallDetailRecord r : records) {
      try {
        repository.write(List.of(r));
      } catch (SQLException e) {
        if (!refusedForContent(e)) {
          throw e;
        }
        LOG.errorf(e, "Call record %s refused by the database; it is not kept", r.key());
      }
    }
  }

  /** SQLSTATE classes 22 (data) and 23 (constraint): the row is at fault, not the database. */
  private static boolean refusedForContent(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  /** Writes what waits before the application stops, as long as the database answers. */
  @PreDestroy
  void stop() {
    stopping = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
      continuations.shutdown();
      continuations.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
