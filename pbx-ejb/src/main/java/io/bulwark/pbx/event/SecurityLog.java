package io.bulwark.pbx.event;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The security log: one line per {@link SecurityEvent} in {@code security.log} (WildFly's {@code
 * io.bulwark.security} logger rotates it daily), each linked to the one before by a {@link
 * SecurityLogChain}, so that a line changed, removed or inserted later is found and located.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SecurityLog {

  private static final Logger LINES = Logger.getLogger("io.bulwark.security");
  private static final Logger LOG = Logger.getLogger(SecurityLog.class);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  /** More than the longest line the log holds (an event's detail is at most 1,024 characters). */
  private static final int TAIL_BYTES = 16 * 1024;

  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  private Path directory;
  private SecurityLogChain chain;

  @PostConstruct
  void start() {
    directory = Path.of(System.getProperty("jboss.server.log.dir", "."));
    String head = null;
    try {
      List<Path> files = SecurityLogVerifier.files(directory);
      for (int i = files.size() - 1; i >= 0 && head == null; i--) {
        head = lastHash(files.get(i));
      }
    } catch (IOException e) {
      LOG.warnf("The security log in %s cannot be read, its chain starts again: %s", directory, e);
    }
    chain = new SecurityLogChain(head);
  }

  /** Writes {@code event}'s line; lines are linked in the order they are written. */
  public void write(SecurityEvent event) {
    synchronized (chain) {
      LINES.info(chain.link(TIME.format(event.occurredAt()) + " " + event.logLine()));
    }
  }

  /**
   * Checks the log for {@code actor} and records the answer: a break is an alert, so contacts are
   * told of it.
   *
   * @throws IOException when the log cannot be read
   */
  public SecurityLogVerifier.Result check(String actor) throws IOException {
    SecurityLogVerifier.Result result = verify();
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            result.intact() ? EventType.SECURITY_LOG_VERIFIED : EventType.SECURITY_LOG_TAMPERED,
            null,
            actor,
            "verify",
            result.summary()));
    return result;
  }

  /** Every night, so that tampering is found even when nobody looks. */
  @Schedule(hour = "3", minute = "41", persistent = false)
  void checkNightly() {
    try {
      SecurityLogVerifier.Result result = verify();
      if (!result.intact()) {
        check("system");
      }
    } catch (IOException e) {
      LOG.warnf("The security log in %s cannot be read: %s", directory, e);
    }
  }

  /**
   * Checks every file of the log and, when the links hold, that its last line is the last one
   * written: lines cut off at the end leave no broken link behind them.
   */
  SecurityLogVerifier.Result verify() throws IOException {
    String before = chain.head();
    SecurityLogVerifier.Result result =
        SecurityLogVerifier.verify(SecurityLogVerifier.files(directory));
    boolean nothingWrittenMeanwhile = before.equals(chain.head());
    if (result.intact()
        && nothingWrittenMeanwhile
        && result.linked() > 0
        && !before.equals(result.head())) {
      return new SecurityLogVerifier.Result(
          result.files(),
          result.linked(),
          result.unlinked(),
          result.head(),
          new SecurityLogVerifier.Break(
              SecurityLogVerifier.FILE_NAME,
              result.linked() + result.unlinked() + 1,
              "the last lines written are missing"));
    }
    return result;
  }

  /** The hash of the last linked line of {@code file}, or {@code null} when it has none. */
  private static String lastHash(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - TAIL_BYTES);
      byte[] tail = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(tail);
      String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        SecurityLogChain.Links links = SecurityLogChain.links(lines[i].strip());
        if (links != null) {
          return links.stated();
        }
      }
      return null;
    }
  }
}
