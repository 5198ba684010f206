package io.bulwark.pbx.backup;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.officehours.OfficeCalendar;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.SecretCipher;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** The Backup Schedule: its settings, and claiming the run that is due. */
@Stateless
public class BackupScheduleService {

  /** A scheduled backup to make now. */
  public record Due(Set<BackupContent> contents, String passphrase, int keep) {
    @Override
    public String toString() {
      return "Due[" + contents + ", keep " + keep + "]";
    }
  }

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  public BackupSchedule schedule() {
    return em.find(BackupSchedule.class, BackupSchedule.ID);
  }

  /** When the next scheduled backup runs; empty when the schedule is off. */
  public Optional<Instant> nextRun() {
    BackupSchedule s = schedule();
    if (!s.isEnabled()) {
      return Optional.empty();
    }
    Instant last = s.getLastRunAt() == null ? clock.instant() : s.getLastRunAt();
    return Optional.of(s.timing().next(last, zone()));
  }

  /** With {@code readVersion}, a change saved since by someone else refuses it. */
  public BackupSchedule update(Integer readVersion, BackupScheduleDraft draft, String actor) {
    BackupSchedule s = schedule();
    ConcurrentChangeException.check(readVersion, s.getVersion(), "The backup schedule");
    var violations = draft.violations(s.isPassphraseSet());
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    s.apply(draft, cipher, clock.instant());
    em.flush();
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.BACKUP_SCHEDULE_UPDATED,
            null,
            actor,
            "update",
            draft.describe()));
    return s;
  }

  /**
   * The backup due now, if one is; claimed in its own transaction under a row lock, so it runs once
   * even if making it fails.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Due> claimDue() {
    BackupSchedule s =
        em.find(BackupSchedule.class, BackupSchedule.ID, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (!s.due(now, zone())) {
      return Optional.empty();
    }
    s.ran(now);
    return Optional.of(new Due(s.getContents(), s.passphrase(cipher), s.getKeep()));
  }

  private ZoneId zone() {
    OfficeCalendar calendar = em.find(OfficeCalendar.class, 1);
    return calendar == null ? ZoneId.of("UTC") : ZoneId.of(calendar.getTimeZone());
  }
}
