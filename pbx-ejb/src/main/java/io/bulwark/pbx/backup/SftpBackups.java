package io.bulwark.pbx.backup;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.SecretCipher;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The SFTP server backups are copied to: its settings, a test of them, the copy of each new backup,
 * and the backups kept there, which can be fetched back for a restore when this machine's own are
 * gone. Talks to the server outside any transaction; a slow server holds no database lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SftpBackups {

  private static final Logger LOG = Logger.getLogger(SftpBackups.class);

  /** How a test of the settings went; {@code hostKey} is the key the server presented, if any. */
  public record TestOutcome(boolean succeeded, String hostKey, String message) {}

  /** A backup on the server. */
  public record RemoteBackup(String name, long bytes, java.time.Instant modifiedAt) {}

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  public SftpServer server() {
    return em.find(SftpServer.class, SftpServer.ID);
  }

  /** With {@code readVersion}, a change saved since by someone else refuses it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public SftpServer update(Integer readVersion, SftpServerDraft draft, String actor) {
    SftpServer s = server();
    ConcurrentChangeException.check(readVersion, s.getVersion(), "The SFTP server");
    var violations = draft.violations(s.isPasswordSet());
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    s.apply(draft, cipher);
    em.flush();
    event(EventType.BACKUP_SFTP_UPDATED, actor, "update", draft.describe());
    return s;
  }

  /**
   * Connects with {@code draft} as typed (its password left empty takes the saved one), signs in,
   * and writes and removes a file in the folder; changes no setting. When the server's host key is
   * not the one given, says which key it presented, for the administrator to check and save.
   */
  public TestOutcome test(SftpServerDraft draft) {
    var violations =
        draft.violations(server().isPasswordSet()).stream()
            .filter(v -> !v.field().equals("hostKey"))
            .toList();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    SftpTarget saved = server().target(cipher);
    SftpTarget target =
        new SftpTarget(
            draft.host(),
            draft.port(),
            draft.username(),
            draft.password() == null || draft.password().isEmpty()
                ? saved.password()
                : draft.password(),
            draft.directory(),
            draft.hostKey());
    try (SftpStore store = SftpStore.connect(target)) {
      store.probe();
      return new TestOutcome(
          true,
          target.hostKey(),
          "Signed in to "
              + target.host()
              + " as "
              + target.username()
              + "; the folder "
              + target.directory()
              + " takes files");
    } catch (SftpStore.UnknownHostKey e) {
      return new TestOutcome(
          false,
          e.presented(),
          "The server presented the host key "
              + e.presented()
              + (target.hostKey().isEmpty() ? "" : ", not the one given")
              + ". Compare it with the server's own (ssh-keygen -lf on its host key) and save it"
              + " to trust this server");
    } catch (SftpStore.Failure e) {
      return new TestOutcome(false, null, e.getMessage());
    }
  }

  /**
   * Copies a finished backup to the server when one is set; says how it went, for the progress
   * line, empty when no server is set. A failed copy is an alert; the backup stays here.
   */
  public Optional<String> copy(Path file, String actor) {
    SftpServer s = server();
    if (!s.isEnabled()) {
      return Optional.empty();
    }
    SftpTarget target = s.target(cipher);
    String name = file.getFileName().toString();
    try (SftpStore store = SftpStore.connect(target)) {
      store.put(file);
      event(EventType.BACKUP_COPIED, actor, "copy", "backup " + name + " copied to " + target);
      return Optional.of("copied to " + target);
    } catch (SftpStore.Failure e) {
      LOG.warnf("Backup %s was not copied to %s: %s", name, target, e.getMessage());
      event(
          EventType.BACKUP_COPY_FAILED,
          actor,
          "copy",
          "backup " + name + " not copied to " + target + ": " + e.getMessage());
      return Optional.of("not copied to the SFTP server: " + e.getMessage());
    }
  }

  /** The backups on the server, newest first. */
  public List<RemoteBackup> list() {
    try (SftpStore store = SftpStore.connect(enabledTarget())) {
      return store.list(BackupFile::isName).stream()
          .map(f -> new RemoteBackup(f.name(), f.bytes(), f.modifiedAt()))
          .toList();
    } catch (SftpStore.Failure e) {
      throw new UnavailableException(
          "The SFTP server's backups cannot be listed: " + e.getMessage());
    }
  }

  /** Writes the server's backup {@code name} to {@code target}. */
  public void fetch(String name, Path target) {
    if (!BackupFile.isName(name)) {
      throw new NotFoundException("There is no backup with this name");
    }
    try (SftpStore store = SftpStore.connect(enabledTarget())) {
      if (store.list(name::equals).isEmpty()) {
        throw new NotFoundException("The SFTP server holds no backup " + name);
      }
      store.get(name, target);
    } catch (SftpStore.Failure e) {
      throw new UnavailableException("The backup could not be fetched: " + e.getMessage());
    }
  }

  /** Deletes the server's backups named {@code prefix}-…, past the newest {@code keep}. */
  public void prune(String prefix, int keep) {
    SftpServer s = server();
    if (!s.isEnabled()) {
      return;
    }
    SftpTarget target = s.target(cipher);
    try (SftpStore store = SftpStore.connect(target)) {
      List<SftpStore.RemoteFile> old =
          store.list(n -> n.startsWith(prefix + "-") && BackupFile.isName(n)).stream()
              .sorted(Comparator.comparing(SftpStore.RemoteFile::name).reversed())
              .toList();
      for (SftpStore.RemoteFile file : old.subList(Math.min(keep, old.size()), old.size())) {
        store.delete(file.name());
        event(
            EventType.BACKUP_DELETED,
            "system",
            "delete",
            "backup " + file.name() + " on " + target);
      }
    } catch (SftpStore.Failure e) {
      LOG.warnf("Old scheduled backups on %s were not pruned: %s", target, e.getMessage());
    }
  }

  private SftpTarget enabledTarget() {
    SftpServer s = server();
    if (!s.isEnabled()) {
      throw new NotFoundException("No SFTP server is set for backups");
    }
    return s.target(cipher);
  }

  private void event(EventType type, String actor, String action, String detail) {
    events.fireAsync(new SecurityEvent(clock.instant(), type, null, actor, action, detail));
  }
}
