package io.bulwark.pbx.upgrade;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.officehours.OfficeCalendar;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The upgrade's rows, each change in a transaction of its own: the installer snapshots the database
 * as soon as it starts, so what it must find there is committed before.
 */
@Stateless
public class UpgradeRecords {

  @PersistenceContext private EntityManager em;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  public UpgradeSetting setting() {
    return em.find(UpgradeSetting.class, UpgradeSetting.ID);
  }

  private UpgradeSetting lockedSetting() {
    return em.find(UpgradeSetting.class, UpgradeSetting.ID, LockModeType.PESSIMISTIC_WRITE);
  }

  /** With {@code readVersion}, a change saved since by someone else refuses it. */
  public UpgradeSetting update(Integer readVersion, UpgradeSettingDraft draft, String actor) {
    UpgradeSetting setting = lockedSetting();
    ConcurrentChangeException.check(readVersion, setting.getVersion(), "The upgrade settings");
    var violations = draft.violations();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    setting.apply(draft, clock.instant());
    em.flush();
    event(EventType.UPGRADE_SETTINGS_UPDATED, actor, "update", draft.describe());
    return setting;
  }

  /** Remembers what a check found; raises "upgrade available" once per version found. */
  public UpgradeSetting checked(
      Optional<ReleaseFinder.Found> newer, ReleaseVersion running, String actor) {
    UpgradeSetting setting = lockedSetting();
    Optional<String> before = setting.availableVersion();
    setting.checked(clock.instant(), newer);
    newer
        .filter(found -> !before.equals(Optional.of(found.manifest().version().toString())))
        .ifPresent(
            found ->
                event(
                    EventType.UPGRADE_AVAILABLE,
                    actor,
                    "check",
                    "Bulwark "
                        + found.manifest().version()
                        + " is available (running "
                        + running
                        + ")"));
    return setting;
  }

  /** A daily check that could not read the source: tried again the next day. */
  public void checkFailed() {
    lockedSetting().attempted(clock.instant());
  }

  /**
   * Starts the history line of an install, under the settings' row lock so that two requests cannot
   * both start one.
   *
   * @throws InUseException while another install runs
   */
  public long begin(ReleaseVersion from, ReleaseVersion to, String actor) {
    UpgradeSetting setting = lockedSetting();
    if (installing().isPresent()) {
      throw new InUseException("An upgrade is being installed; wait for its outcome");
    }
    UpgradeAttempt attempt =
        new UpgradeAttempt(clock.instant(), from.toString(), to.toString(), actor);
    em.persist(attempt);
    setting.installing();
    em.flush();
    event(
        EventType.UPGRADE_STARTED, actor, "install", "Installing Bulwark " + to + " over " + from);
    return attempt.getId();
  }

  /** Ends an install; its event tells how. Nothing happens to one already ended. */
  public void end(long id, UpgradeAttempt.Outcome outcome, String detail) {
    UpgradeAttempt attempt = em.find(UpgradeAttempt.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (attempt == null || attempt.getOutcome() != UpgradeAttempt.Outcome.INSTALLING) {
      return;
    }
    attempt.end(outcome, detail, clock.instant());
    EventType type =
        switch (outcome) {
          case INSTALLED -> EventType.UPGRADE_INSTALLED;
          case ROLLED_BACK -> EventType.UPGRADE_ROLLED_BACK;
          default -> EventType.UPGRADE_FAILED;
        };
    event(
        type,
        attempt.getActor(),
        outcome.name().toLowerCase(java.util.Locale.ROOT),
        "Bulwark " + attempt.getToVersion() + " over " + attempt.getFromVersion() + ": " + detail);
  }

  public Optional<UpgradeAttempt> installing() {
    return em.createQuery(
            "select a from UpgradeAttempt a where a.outcome = :installing order by a.id desc",
            UpgradeAttempt.class)
        .setParameter("installing", UpgradeAttempt.Outcome.INSTALLING)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<UpgradeAttempt> history(int limit) {
    return em.createQuery("select a from UpgradeAttempt a order by a.id desc", UpgradeAttempt.class)
        .setMaxResults(limit)
        .getResultList();
  }

  public void refused(String actor, String what) {
    event(EventType.UPGRADE_REFUSED, actor, "verify", what);
  }

  private void event(EventType type, String actor, String action, String detail) {
    events.fireAsync(new SecurityEvent(clock.instant(), type, null, actor, action, detail));
  }

  public Instant now() {
    return clock.instant();
  }

  /** The daily check's time is read in the zone of Business Hours, as the backup schedule's is. */
  public ZoneId zone() {
    OfficeCalendar calendar = em.find(OfficeCalendar.class, 1);
    return calendar == null ? ZoneId.of("UTC") : ZoneId.of(calendar.getTimeZone());
  }
}
