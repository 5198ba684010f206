package io.bulwark.pbx.backup;

import io.bulwark.pbx.certificate.CertificateService;
import io.bulwark.pbx.certificate.ServerCertificate;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Maintenance > Backup and Restore. A backup reads the chosen tables in one consistent snapshot; a
 * restore first reads the whole backup with its passphrase, so a wrong passphrase or a changed byte
 * is refused before anything is touched, then replaces those tables in one transaction and has the
 * in-memory copies reload. Runs outside the container's transactions: a backup of a million call
 * records takes longer than a transaction may.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackupService {

  static final String SUFFIX = ".bwbk";

  /** What a backup an administrator asks for is named after. */
  public static final String MANUAL = "bulwark";

  /** What a backup of the schedule is named after; only these are pruned. */
  public static final String SCHEDULED = "scheduled";

  /** To the millisecond: one backup may follow another within the same second. */
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private static final Logger LOG = Logger.getLogger(BackupService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Resource(lookup = "java:jboss/datasources/BulwarkDS")
  private DataSource dataSource;

  @Inject private BackupProgress progress;
  @Inject private HotStateReload reload;
  @Inject private RealmResync realm;
  @Inject private CertificateService certificates;
  @Inject private SecurityEvents events;
  @Inject private SftpBackups sftp;
  @Inject private Clock clock;

  /** {@code BULWARK_BACKUP_DIR}, else {@code backups} in WildFly's data folder. */
  public Path directory() {
    String configured = System.getenv("BULWARK_BACKUP_DIR");
    return configured == null || configured.isBlank()
        ? Path.of(System.getProperty("jboss.server.data.dir", "."), "backups")
        : Path.of(configured);
  }

  /** The backups in the folder, newest first; a file that is not one is left out. */
  public List<BackupFile> list() {
    Path dir = directory();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<BackupFile> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> BackupFile.isName(f.getFileName().toString())).toList()) {
        try {
          found.add(
              new BackupFile(
                  file.getFileName().toString(), Files.size(file), BackupArchive.manifest(file)));
        } catch (IOException e) {
          LOG.debugf("%s in the backup folder is not a backup: %s", file, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UnavailableException("The backup folder cannot be read");
    }
    found.sort(Comparator.comparing((BackupFile b) -> b.manifest().createdAt()).reversed());
    return found;
  }

  public BackupFile get(String name) {
    Path file = file(name);
    try {
      return new BackupFile(name, Files.size(file), BackupArchive.manifest(file));
    } catch (IOException e) {
      throw new NotFoundException("There is no backup " + name);
    }
  }

  /** The file of the backup {@code name}, for a download. */
  public Path file(String name) {
    if (!BackupFile.isName(name)) {
      throw new NotFoundException("There is no backup with this name");
    }
    Path file = directory().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new NotFoundException("There is no backup " + name);
    }
    return file;
  }

  /** Backs up {@code contents} under {@code passphrase} and waits; returns the finished backup. */
  public BackupFile create(
      Set<BackupContent> contents, String passphrase, String actor, String prefix) {
    checkRequest(contents, passphrase);
    claim("Backup", null, 0);
    return createClaimed(contents, passphrase, actor, prefix);
  }

  /** Refuses a backup of nothing, or under too short a passphrase. */
  public void checkRequest(Set<BackupContent> contents, String passphrase) {
    List<FieldViolation> violations = new ArrayList<>();
    if (contents == null || contents.isEmpty()) {
      violations.add(new FieldViolation("contents", "Choose what to back up"));
    }
    Passphrase.violation(passphrase).ifPresent(violations::add);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  /** Takes the one slot for {@code operation}, or says another runs. */
  public void claim(String operation, String backup, long totalRows) {
    if (!progress.begin(operation, backup, totalRows)) {
      throw new UnavailableException("A backup or restore is running; try again when it ends");
    }
  }

  /** {@link #create} once the slot was claimed ({@link #claim}). */
  public BackupFile createClaimed(
      Set<BackupContent> contents, String passphrase, String actor, String prefix) {
    String name = prefix + "-" + STAMP.format(clock.instant()) + SUFFIX;
    try {
      Files.createDirectories(directory());
      Path target = directory().resolve(name);
      if (Files.exists(target)) {
        throw new UnavailableException("A backup was made this moment; try again");
      }
      BackupManifest made;
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
          Map<String, Long> counts = new TreeMap<>();
          for (String table : DatabaseTables.names(c)) {
            if (BackupContent.of(table).filter(contents::contains).isPresent()) {
              counts.put(table, DatabaseTables.count(c, table));
            }
          }
          progress.total(name, counts.values().stream().mapToLong(Long::longValue).sum());
          BackupManifest manifest =
              new BackupManifest(
                  BackupManifest.FORMAT,
                  DatabaseTables.schemaVersion(c),
                  clock.instant(),
                  EnumSet.copyOf(contents),
                  counts,
                  random(16),
                  Passphrase.ITERATIONS,
                  random(SealedStream.NONCE_BYTES),
                  null);
          made =
              BackupArchive.write(
                  target,
                  manifest,
                  new Passphrase(passphrase),
                  out -> {
                    DatabaseTables.write(c, counts.keySet(), out, progress);
                    if (contents.contains(BackupContent.CERTIFICATES)) {
                      CertificateSection.write(out, certificates.presented());
                    }
                  });
        } finally {
          c.rollback();
          c.setAutoCommit(true);
        }
      }
      BackupFile file = new BackupFile(name, Files.size(target), made);
      event(EventType.BACKUP_SUCCEEDED, actor, "backup", describe(file));
      String copied = sftp.copy(target, actor).map(outcome -> "; " + outcome).orElse("");
      progress.end("Backup " + name + " made: " + made.rows() + " rows" + copied);
      return file;
    } catch (IOException | SQLException e) {
      LOG.warnf("Backup %s failed: %s", name, e);
      progress.fail("Backup failed: " + reason(e));
      event(
          EventType.BACKUP_FAILED,
          actor,
          "backup",
          "backup " + name + " failed: " + e.getMessage());
      throw new UnavailableException("The backup could not be written: " + reason(e));
    } catch (RuntimeException e) {
      progress.fail("Backup failed");
      throw e;
    }
  }

  /** Stores an uploaded backup in the folder once its head reads as one. */
  public BackupFile upload(InputStream body, String actor) {
    String name = "uploaded-" + STAMP.format(clock.instant()) + SUFFIX;
    BackupFile file =
        adopt(name, "file", part -> Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING));
    event(EventType.BACKUP_UPLOADED, actor, "upload", describe(file));
    return file;
  }

  /**
   * Brings the SFTP server's backup {@code name} into the folder, to be checked and restored like
   * any other; refused when the folder already has one of that name.
   */
  public BackupFile fetch(String name, String actor) {
    if (!BackupFile.isName(name)) {
      throw new NotFoundException("There is no backup with this name");
    }
    if (Files.exists(directory().resolve(name))) {
      throw new InvalidInputException("name", "The backup folder already holds " + name);
    }
    BackupFile file = adopt(name, "name", part -> sftp.fetch(name, part));
    event(EventType.BACKUP_FETCHED, actor, "fetch", describe(file) + " from the SFTP server");
    return file;
  }

  private interface Filler {
    void fill(Path part) throws IOException;
  }

  /** Fills a part file, and gives it {@code name} in the folder once its head reads as a backup. */
  private BackupFile adopt(String name, String field, Filler filler) {
    try {
      Files.createDirectories(directory());
      Path part = Files.createTempFile(directory(), "incoming", ".part");
      try {
        filler.fill(part);
        BackupArchive.manifest(part);
        Files.move(part, directory().resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new InvalidInputException(
            field, "This file is not a Bulwark backup: " + e.getMessage());
      } finally {
        Files.deleteIfExists(part);
      }
    } catch (IOException e) {
      throw new UnavailableException("The backup folder cannot be written");
    }
    return get(name);
  }

  public void delete(String name, String actor) {
    Path file = file(name);
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UnavailableException("The backup could not be deleted");
    }
    event(EventType.BACKUP_DELETED, actor, "delete", "backup " + name);
  }

  /**
   * Reads the whole backup with {@code passphrase} and says what a restore would change; changes
   * nothing. Refused, with the reason, when the backup cannot be restored here.
   */
  public RestorePlan check(String name, String passphrase, String actor) {
    BackupFile backup = get(name);
    claim("Check", name, backup.manifest().rows());
    try {
      RestorePlan plan = verified(backup, passphrase, actor);
      progress.end("Backup " + name + " can be restored");
      return plan;
    } catch (RuntimeException e) {
      progress.fail("Check refused");
      throw e;
    }
  }

  /**
   * What can be known of a restore without reading the whole backup, so that an answer can say it
   * at once: the backup exists, comes from this schema or an older one, is byte for byte what was
   * written, and opens with {@code passphrase}. Refused with the reason (and an event) otherwise.
   */
  public BackupFile precheck(String name, String passphrase, String actor) {
    BackupFile backup = get(name);
    if (passphrase == null || passphrase.isEmpty()) {
      throw new InvalidInputException("passphrase", "The passphrase the backup was made with");
    }
    String refusal = null;
    try (Connection c = dataSource.getConnection()) {
      BackupManifest manifest = backup.manifest();
      Path file = directory().resolve(name);
      if (Long.parseLong(manifest.schemaVersion())
          > Long.parseLong(DatabaseTables.schemaVersion(c))) {
        refusal =
            "it was made by a newer Bulwark (schema "
                + manifest.schemaVersion()
                + "); upgrade first";
      } else if (!BackupArchive.intact(file)) {
        refusal = "it was changed after it was made (its checksum does not match)";
      } else {
        try (DataInputStream in = BackupArchive.open(file, new Passphrase(passphrase))) {
          if (!BackupManifest.parse(BackupArchive.readString(in)).sameAs(manifest)) {
            refusal = "its manifest was changed after it was made";
          }
        }
      }
    } catch (SealedStream.Refused e) {
      refusal = lowerFirst(e.getMessage());
    } catch (IOException e) {
      refusal = "it cannot be read: " + e.getMessage();
    } catch (SQLException e) {
      throw new UnavailableException("The database cannot be read");
    }
    if (refusal != null) {
      refuse(backup, actor, refusal);
    }
    return backup;
  }

  /**
   * Replaces the backup's tables with its rows, in one transaction, after reading the whole backup
   * as {@link #check} does; returns what changed. The slot must have been claimed ({@link #claim})
   * with twice the backup's rows, read once to check and once to write.
   */
  public RestorePlan restoreClaimed(String name, String passphrase, String actor) {
    BackupFile backup = get(name);
    try {
      RestorePlan plan = verified(backup, passphrase, actor);
      Snapshot before;
      CertificateSection.Pems certificate;
      try (Connection c = dataSource.getConnection()) {
        before = reload.snapshot(c);
        certificate = apply(c, backup, passphrase);
      }
      BackupService.Snapshot after = reload.reloadAfterRestore(before);
      String notes = realm.bringInLine(before, after) + install(certificate, actor);
      progress.end("Backup " + name + " restored: " + plan.rowsInBackup() + " rows" + notes);
      event(EventType.BACKUP_RESTORED, actor, "restore", describe(backup));
      return plan;
    } catch (IOException | SQLException e) {
      LOG.warnf("Restore of %s failed, nothing changed: %s", name, e);
      progress.fail("Restore failed; nothing changed: " + reason(e));
      event(
          EventType.RESTORE_REFUSED,
          actor,
          "restore",
          "backup " + name + ": " + reason(e) + "; nothing changed");
      throw new UnavailableException("The restore failed and changed nothing: " + reason(e));
    } catch (RuntimeException e) {
      progress.fail("Restore refused; nothing changed");
      throw e;
    }
  }

  /**
   * What of the tables a restore replaces lives elsewhere too (in memory, in Keycloak), read before
   * and after it.
   *
   * @param extensions id to number, registration name, email, first and last name, mobile and role
   * @param customRoles name to description
   * @param apiClients Keycloak's client id to name, role and description
   */
  public record Snapshot(
      Map<Long, String[]> extensions,
      Map<Long, String> trunks,
      Set<Long> groups,
      Map<String, String> customRoles,
      Map<String, String[]> apiClients) {}

  /**
   * {@link #precheck}, then every row read: a backup that opened may still be cut short or changed
   * inside. The file is checked again even when a precheck just passed, since it may have been
   * replaced in between.
   */
  private RestorePlan verified(BackupFile backup, String passphrase, String actor) {
    precheck(backup.name(), passphrase, actor);
    Map<String, Long> rows = Map.of();
    String certificate = null;
    String refusal = null;
    try (DataInputStream in =
        BackupArchive.open(directory().resolve(backup.name()), new Passphrase(passphrase))) {
      BackupArchive.readString(in);
      rows = DatabaseTables.rowCounts(in, progress);
      if (backup.manifest().contents().contains(BackupContent.CERTIFICATES)) {
        certificate = certificateOutcome(CertificateSection.read(in));
      }
      if (!rows.equals(backup.manifest().tables()) || in.read() != -1) {
        refusal = "it holds other rows than its manifest says";
      }
    } catch (SealedStream.Refused e) {
      refusal = lowerFirst(e.getMessage());
    } catch (IOException e) {
      refusal = "it cannot be read: " + e.getMessage();
    }
    if (refusal != null) {
      return refuse(backup, actor, refusal);
    }
    try (Connection c = dataSource.getConnection()) {
      Set<String> existing = new LinkedHashSet<>(DatabaseTables.names(c));
      List<RestorePlan.TableChange> changes = new ArrayList<>();
      for (Map.Entry<String, Long> table : rows.entrySet()) {
        long now = existing.contains(table.getKey()) ? DatabaseTables.count(c, table.getKey()) : 0;
        changes.add(new RestorePlan.TableChange(table.getKey(), now, table.getValue()));
      }
      return new RestorePlan(backup, changes, certificate);
    } catch (SQLException e) {
      throw new UnavailableException("The database cannot be read");
    }
  }

  /** What a restore will do with the certificate {@code pems}: install it, or why not. */
  private String certificateOutcome(CertificateSection.Pems pems) {
    try {
      ServerCertificate c = ServerCertificate.parse(pems.chain(), pems.key(), clock.instant());
      return "installs the certificate of "
          + c.certificate().getSubjectX500Principal().getName()
          + ", valid until "
          + c.certificate().getNotAfter().toInstant();
    } catch (InvalidInputException e) {
      return "keeps the certificate now presented: " + e.violations().get(0).message();
    }
  }

  /** Installs a restored certificate; says, for the progress line, when it could not. */
  private String install(CertificateSection.Pems pems, String actor) {
    if (pems == null) {
      return "";
    }
    try {
      certificates.install(pems.chain(), pems.key(), actor);
      return "; certificate installed";
    } catch (InvalidInputException e) {
      return "; the certificate was not installed: " + e.violations().get(0).message();
    }
  }

  private static String lowerFirst(String text) {
    return text.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + text.substring(1);
  }

  private RestorePlan refuse(BackupFile backup, String actor, String refusal) {
    event(
        EventType.RESTORE_REFUSED,
        actor,
        "check",
        "backup " + backup.name() + ": " + refusal + "; nothing changed");
    throw new InvalidInputException(fieldOf(refusal), "This backup cannot be restored: " + refusal);
  }

  private static String fieldOf(String refusal) {
    return refusal.contains("passphrase") ? "passphrase" : "backup";
  }

  /** Replaces the tables; returns the certificate the backup holds, null when none. */
  private CertificateSection.Pems apply(Connection c, BackupFile backup, String passphrase)
      throws IOException, SQLException {
    Path file = directory().resolve(backup.name());
    c.setAutoCommit(false);
    try (Statement s = c.createStatement();
        DataInputStream in = BackupArchive.open(file, new Passphrase(passphrase))) {
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      BackupArchive.readString(in);
      DatabaseTables.replace(c, in, backup.manifest().rows(), progress);
      CertificateSection.Pems certificate =
          backup.manifest().contents().contains(BackupContent.CERTIFICATES)
              ? CertificateSection.read(in)
              : null;
      c.commit();
      return certificate;
    } catch (IOException | SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      try (Statement s = c.createStatement()) {
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
      c.setAutoCommit(true);
    }
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }

  private static String reason(Exception e) {
    return e instanceof SQLException ? "the database refused it" : String.valueOf(e.getMessage());
  }

  private static String describe(BackupFile file) {
    BackupManifest m = file.manifest();
    return "backup "
        + file.name()
        + ": "
        + m.contents().stream().map(BackupContent::getLabel).sorted().toList()
        + ", "
        + m.rows()
        + " rows, "
        + file.bytes()
        + " bytes";
  }

  private void event(EventType type, String actor, String action, String detail) {
    events.fireAsync(new SecurityEvent(clock.instant(), type, null, actor, action, detail));
  }
}
