package io.bulwark.pbx.defense;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Keeps the global anti-hacking IP blocklist: fetches its feed at start, when it is due and when
 * asked, and hands the firewall the addresses it names. A fetch that fails keeps the entries of the
 * last one that worked. Fetches run one at a time, outside any transaction.
 */
@Singleton
@Startup
@DependsOn("DefenseTable")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Blocklist {

  private static final Logger LOG = Logger.getLogger(Blocklist.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Far more than a feed of two million entries takes. */
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  @Inject private DefenseTable defenses;
  @Inject private DefenseService defense;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Resource private TimerService timers;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** The entries are not kept in the database: the feed is fetched again after a start. */
  @PostConstruct
  void start() {
    timers.createSingleActionTimer(1, new TimerConfig(null, false));
  }

  @Timeout
  void fetchAtStart() {
    BlocklistSettings settings = defense.blocklistSettings();
    if (settings.isEnabled() && settings.getUrl() != null) {
      sync();
    }
  }

  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void syncWhenDue() {
    if (defense.blocklistSettings().dueAt(clock.instant())) {
      sync();
    }
  }

  /**
   * Fetches the feed now if the blocklist is on, and empties the firewall's list if it is off; the
   * settings as they are afterwards.
   */
  public synchronized BlocklistSettings sync() {
    BlocklistSettings settings = defense.blocklistSettings();
    if (!settings.isEnabled() || settings.getUrl() == null) {
      defenses.useBlocklist(AddressSet.EMPTY);
      return settings;
    }
    Instant now = clock.instant();
    try (Reader text = open(settings.getUrl())) {
      BlocklistFeed feed = BlocklistFeed.parse(text);
      defenses.useBlocklist(AddressSet.of(feed.entries()));
      LOG.infof(
          "Blocklist: %d entries from %s (%d lines skipped)",
          feed.entries().size(), settings.getUrl(), feed.skipped());
      events.fireAsync(
          new SecurityEvent(
              now,
              EventType.BLOCKLIST_SYNCED,
              null,
              null,
              "sync",
              feed.entries().size()
                  + " entries, "
                  + feed.skipped()
                  + " lines skipped, from "
                  + settings.getUrl()));
      return defense.blocklistSynced(now, feed);
    } catch (IOException | RuntimeException e) {
      String reason = reasonOf(e);
      LOG.warnf("Blocklist: the feed at %s could not be read: %s", settings.getUrl(), reason);
      events.fireAsync(
          new SecurityEvent(
              now,
              EventType.BLOCKLIST_SYNC_FAILED,
              null,
              null,
              "sync",
              reason + "; the entries of the last fetch stay in force"));
      return defense.blocklistFailed(now, reason);
    }
  }

  private Reader open(String url) throws IOException {
    URI uri = URI.create(url);
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      return new InputStreamReader(
          new BoundedInputStream(Files.newInputStream(Path.of(uri)), MAX_BYTES),
          StandardCharsets.UTF_8);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException("the server answered " + response.statusCode());
      }
      return new InputStreamReader(
          new BoundedInputStream(response.body(), MAX_BYTES), StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** What went wrong, in words for the settings page: never a stack trace. */
  private static String reasonOf(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.net.ConnectException) {
      return "the server could not be reached";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "the server did not answer in time";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** Refuses to read past a limit, so that an endless answer cannot fill the memory. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left-- <= 0) {
        throw new IOException("the feed is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("the feed is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
