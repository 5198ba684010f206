package io.bulwark.pbx.defense;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks and unblocks sources, writes down the blocks the firewall decided, and keeps the defense
 * settings. Every change is validated first and raised as an event.
 */
@Stateless
public class DefenseService {

  static final int EVENTS_PER_BATCH = 20;

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<DefenseChanged> changes;

  /** Blocked IPs, newest first, expired ones included until they are removed. */
  public List<BlockEntry> all() {
    return em.createNamedQuery("BlockEntry.all", BlockEntry.class).getResultList();
  }

  /**
   * Blocks what the draft names. Refused when the block would cover {@code actorAddress}, the
   * address the administrator asks from: one click must not lock them out.
   */
  public BlockEntry block(BlockDraft draft, String actor, InetAddress actorAddress) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && actorAddress != null
        && CidrBlock.parse(draft.source()).contains(actorAddress)) {
      violations.add(
          new FieldViolation(
              "source",
              "This would block the address you are using ("
                  + actorAddress.getHostAddress()
                  + "); nothing was blocked"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    Instant now = clock.instant();
    Instant until = draft.minutes() == null ? null : now.plus(Duration.ofMinutes(draft.minutes()));
    BlockEntry entry =
        new BlockEntry(
            CidrBlock.parse(draft.source()),
            DefenseType.MANUAL,
            draft.reason().strip(),
            now,
            until,
            actor);
    em.persist(entry);
    changes.fire(new DefenseChanged());
    audit(EventType.SOURCE_BLOCKED, entry, actor, "block");
    return entry;
  }

  public void unblock(long id, String actor) {
    BlockEntry entry = em.find(BlockEntry.class, id);
    if (entry == null) {
      throw new NotFoundException("Blocked source " + id + " does not exist");
    }
    em.remove(entry);
    changes.fire(new DefenseChanged());
    audit(EventType.SOURCE_UNBLOCKED, entry, actor, "unblock");
  }

  /**
   * Writes down blocks the firewall already put in force, and raises each as {@link
   * #eventOf(AutomaticBlock)} says. Beyond {@link #EVENTS_PER_BATCH} in one batch, the rest are
   * raised as one event that counts them, so a flood of forged sources does not flood the event
   * log.
   */
  public void record(List<AutomaticBlock> decided) {
    List<BlockEntry> entries = decided.stream().map(BlockEntry::new).toList();
    entries.forEach(em::persist);
    changes.fire(new DefenseChanged());
    for (int i = 0; i < Math.min(entries.size(), EVENTS_PER_BATCH); i++) {
      AutomaticBlock block = decided.get(i);
      audit(eventOf(block), entries.get(i), block.target(), "block");
    }
    if (entries.size() > EVENTS_PER_BATCH) {
      events.fireAsync(
          new SecurityEvent(
              clock.instant(),
              EventType.SOURCE_BLOCKED,
              null,
              null,
              "block",
              (entries.size() - EVENTS_PER_BATCH)
                  + " more sources blocked automatically within a second; Blocked IPs lists them"));
    }
  }

  /**
   * What an automatic block is raised as: a registration lockout as "Extension registration blocked
   * out", a permanent login lockout as "Web user blocked out" and a temporary one as "Web login
   * locked out", any other as "Source blocked".
   */
  static EventType eventOf(AutomaticBlock block) {
    return switch (block.type()) {
      case REGISTRATION_LOCKOUT -> EventType.EXTENSION_REGISTRATION_BLOCKED_OUT;
      case WEB_LOGIN ->
          block.until() == null ? EventType.WEB_USER_BLOCKED_OUT : EventType.WEB_LOGIN_LOCKED_OUT;
      default -> EventType.SOURCE_BLOCKED;
    };
  }

  public DefenseSettings settings() {
    return em.find(DefenseSettings.class, DefenseSettings.ID);
  }

  /**
   * Changes the defense settings. With {@code readVersion}, a change saved since by someone else
   * refuses it.
   */
  public DefenseSettings updateSettings(
      Integer readVersion, DefenseSettingsDraft draft, String actor) {
    DefenseSettings settings = settings();
    ConcurrentChangeException.check(readVersion, settings.getVersion(), "The defense settings");
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty() && draft.kernelBackend() && !settings.isKernelBackend()) {
      String problem = KernelFirewall.problem();
      if (problem != null) {
        violations.add(
            new FieldViolation(
                "kernelBackend", "The kernel firewall cannot be used here: " + problem));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    settings.apply(draft);
    em.flush();
    changes.fire(new DefenseChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.DEFENSE_SETTINGS_UPDATED,
            null,
            actor,
            "update",
            "automatic blocks "
                + draft.autoBlockMinutes()
                + " min; lockout after "
                + draft.lockoutAttempts()
                + " failures in "
                + draft.lockoutSeconds()
                + " s for "
                + draft.lockoutMinutes()
                + " min; "
                + draft.cleanScannerAgents().size()
                + " scanner user agents"));
    return settings;
  }

  /**
   * Changes the login lockout. With {@code readVersion}, a change saved since by someone else
   * refuses it.
   */
  public LoginLockoutSettings loginLockout() {
    return em.find(LoginLockoutSettings.class, LoginLockoutSettings.ID);
  }

  public LoginLockoutSettings updateLoginLockout(
      Integer readVersion, LoginLockoutDraft draft, String actor) {
    LoginLockoutSettings settings = loginLockout();
    ConcurrentChangeException.check(readVersion, settings.getVersion(), "The login lockout");
    List<FieldViolation> violations = draft.violations();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    settings.apply(draft);
    em.flush();
    changes.fire(new DefenseChanged());
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.LOGIN_LOCKOUT_UPDATED,
            null,
            actor,
            "update",
            draft.lockout().describe()));
    return settings;
  }

  public BlocklistSettings blocklistSettings() {
    return em.find(BlocklistSettings.class, BlocklistSettings.ID);
  }

  /**
   * Changes the blocklist's settings; {@link Blocklist#sync()} then fetches the feed or empties the
   * list. With {@code readVersion}, a change saved since by someone else refuses it.
   */
  public BlocklistSettings updateBlocklist(
      Integer readVersion, BlocklistDraft draft, String actor) {
    BlocklistSettings settings = blocklistSettings();
    ConcurrentChangeException.check(readVersion, settings.getVersion(), "The blocklist settings");
    List<FieldViolation> violations = draft.violations();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    settings.apply(draft);
    em.flush();
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.BLOCKLIST_SETTINGS_UPDATED,
            null,
            actor,
            "update",
            (draft.enabled() ? "on" : "off")
                + ", feed "
                + (settings.getUrl() == null ? "none" : settings.getUrl())
                + ", every "
                + draft.intervalHours()
                + " h"));
    return settings;
  }

  public BlocklistSettings blocklistSynced(Instant at, BlocklistFeed feed) {
    BlocklistSettings settings = blocklistSettings();
    settings.synced(at, feed);
    return settings;
  }

  public BlocklistSettings blocklistFailed(Instant at, String reason) {
    BlocklistSettings settings = blocklistSettings();
    settings.failed(at, reason);
    return settings;
  }

  private void audit(EventType type, BlockEntry entry, String actor, String action) {
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            type,
            entry.getSource(),
            actor,
            action,
            entry.getType()
                + " block of "
                + entry.getSource()
                + (entry.getUntil() == null ? ", permanent" : " until " + entry.getUntil())
                + ": "
                + entry.getReason()));
  }
}
