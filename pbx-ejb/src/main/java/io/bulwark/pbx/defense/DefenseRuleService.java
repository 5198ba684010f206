package io.bulwark.pbx.defense;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UniqueNames;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, changes and removes static defense and auto defense rules, decoys, and the access
 * settings (allowed countries, allowlist mode). Every change is validated first and raised as an
 * event. A change that would refuse the administrator's own address on the web ports is refused:
 * nobody saves themselves out of the portal.
 */
@Stateless
public class DefenseRuleService {

  /** Room between positions, so that a rule can be put between two others. */
  static final int POSITION_STEP = 10;

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<DefenseChanged> changes;
  @Inject private DefenseTable table;

  public List<StaticRule> staticRules() {
    return em.createNamedQuery("StaticRule.all", StaticRule.class).getResultList();
  }

  public StaticRule staticRule(long id) {
    StaticRule rule = em.find(StaticRule.class, id);
    if (rule == null) {
      throw new NotFoundException("Static defense rule " + id + " does not exist");
    }
    return rule;
  }

  public StaticRule createStatic(StaticRuleDraft draft, String actor, InetAddress actorAddress) {
    checkStatic(draft, null);
    Integer last = em.createNamedQuery("StaticRule.lastPosition", Integer.class).getSingleResult();
    StaticRule rule = new StaticRule(draft, last == null ? 0 : last + POSITION_STEP);
    em.persist(rule);
    keepsAdminIn(actorAddress, access().policy());
    changed(EventType.STATIC_RULE_CREATED, actor, "create", describe(rule));
    return rule;
  }

  /** Changes a rule; a {@code readVersion} other than the rule's refuses the change. */
  public StaticRule updateStatic(
      long id, Integer readVersion, StaticRuleDraft draft, String actor, InetAddress actorAddress) {
    StaticRule rule = staticRule(id);
    ConcurrentChangeException.check(
        readVersion, rule.getVersion(), "Static defense rule " + rule.getName());
    checkStatic(draft, rule.getId());
    rule.apply(draft);
    em.flush();
    keepsAdminIn(actorAddress, access().policy());
    changed(EventType.STATIC_RULE_UPDATED, actor, "update", describe(rule));
    return rule;
  }

  public void deleteStatic(long id, String actor, InetAddress actorAddress) {
    StaticRule rule = staticRule(id);
    em.remove(rule);
    em.flush();
    keepsAdminIn(actorAddress, access().policy());
    changed(EventType.STATIC_RULE_DELETED, actor, "delete", describe(rule));
  }

  /**
   * An Accept rule for a network the installer trusts; once, at the first start, while the defenses
   * are being loaded (so no reload is asked for).
   */
  public void trustAtInstall(String network) {
    StaticRuleDraft draft =
        new StaticRuleDraft(
            "Trusted at install: " + network,
            network,
            Protocol.BOTH,
            Service.ALL,
            null,
            RuleAction.ACCEPT,
            null);
    checkStatic(draft, null);
    StaticRule rule = new StaticRule(draft, nextPosition());
    em.persist(rule);
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.STATIC_RULE_CREATED,
            null,
            "install",
            "create",
            describe(rule)));
  }

  public List<AutoDefenseRule> autoRules() {
    return em.createNamedQuery("AutoDefenseRule.all", AutoDefenseRule.class).getResultList();
  }

  public AutoDefenseRule autoRule(long id) {
    AutoDefenseRule rule = em.find(AutoDefenseRule.class, id);
    if (rule == null) {
      throw new NotFoundException("Auto defense rule " + id + " does not exist");
    }
    return rule;
  }

  public AutoDefenseRule createAuto(AutoDefenseRuleDraft draft, String actor) {
    checkAuto(draft, null);
    AutoDefenseRule rule = new AutoDefenseRule(draft);
    em.persist(rule);
    changed(EventType.AUTO_DEFENSE_RULE_CREATED, actor, "create", describe(rule));
    return rule;
  }

  public AutoDefenseRule updateAuto(
      long id, Integer readVersion, AutoDefenseRuleDraft draft, String actor) {
    AutoDefenseRule rule = autoRule(id);
    ConcurrentChangeException.check(
        readVersion, rule.getVersion(), "Auto defense rule " + rule.getName());
    checkAuto(draft, rule.getId());
    rule.apply(draft);
    em.flush();
    changed(EventType.AUTO_DEFENSE_RULE_UPDATED, actor, "update", describe(rule));
    return rule;
  }

  public void deleteAuto(long id, String actor) {
    AutoDefenseRule rule = autoRule(id);
    em.remove(rule);
    changed(EventType.AUTO_DEFENSE_RULE_DELETED, actor, "delete", describe(rule));
  }

  public List<DecoyExtension> decoys() {
    return em.createNamedQuery("DecoyExtension.all", DecoyExtension.class).getResultList();
  }

  /** Adds a decoy; refused for a number an extension has, or a decoy already. */
  public DecoyExtension createDecoy(String number, String note, String actor) {
    String wanted = number == null ? "" : number.strip();
    List<FieldViolation> violations = new ArrayList<>();
    if (!wanted.matches("\\d{1,16}")) {
      violations.add(new FieldViolation("number", "A decoy extension number is 1 to 16 digits"));
    } else if (!em.createNamedQuery("Extension.byNumber")
        .setParameter("number", wanted)
        .getResultList()
        .isEmpty()) {
      violations.add(
          new FieldViolation(
              "number", "Extension " + wanted + " exists; a decoy is a number no phone uses"));
    } else if (decoys().stream().anyMatch(d -> d.getNumber().equals(wanted))) {
      violations.add(new FieldViolation("number", wanted + " is a decoy already"));
    }
    if (note != null && note.strip().length() > 255) {
      violations.add(new FieldViolation("note", "At most 255 characters"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    DecoyExtension decoy =
        new DecoyExtension(wanted, note == null || note.isBlank() ? null : note.strip());
    em.persist(decoy);
    changed(EventType.DECOY_EXTENSION_CREATED, actor, "create", "decoy extension " + wanted);
    return decoy;
  }

  public void deleteDecoy(long id, String actor) {
    DecoyExtension decoy = em.find(DecoyExtension.class, id);
    if (decoy == null) {
      throw new NotFoundException("Decoy extension " + id + " does not exist");
    }
    em.remove(decoy);
    changed(
        EventType.DECOY_EXTENSION_DELETED, actor, "delete", "decoy extension " + decoy.getNumber());
  }

  private int nextPosition() {
    Integer last = em.createNamedQuery("StaticRule.lastPosition", Integer.class).getSingleResult();
    return last == null ? 0 : last + POSITION_STEP;
  }

  private void checkStatic(StaticRuleDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && UniqueNames.takenByAnother(
            staticRules(), StaticRule::getName, StaticRule::getId, draft.name(), self)) {
      violations.add(new FieldViolation("name", "A static defense rule with this name exists"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void checkAuto(AutoDefenseRuleDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && UniqueNames.takenByAnother(
            autoRules(), AutoDefenseRule::getName, AutoDefenseRule::getId, draft.name(), self)) {
      violations.add(new FieldViolation("name", "An auto defense rule with this name exists"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  public AccessSettings access() {
    return em.find(AccessSettings.class, AccessSettings.ID);
  }

  /**
   * Changes the access settings. With {@code readVersion}, a change saved since by someone else
   * refuses it; a country filter without a country database, or settings that would refuse the
   * administrator's own address, are refused.
   */
  public AccessSettings updateAccess(
      Integer readVersion, AccessSettingsDraft draft, String actor, InetAddress actorAddress) {
    AccessSettings settings = access();
    ConcurrentChangeException.check(readVersion, settings.getVersion(), "The access settings");
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && Boolean.TRUE.equals(draft.countryFilter())
        && table.countries().isEmpty()) {
      violations.add(
          new FieldViolation(
              "countryFilter",
              "No country database is installed (BULWARK_GEOIP_DATABASE), so countries cannot be"
                  + " told apart"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    keepsAdminIn(actorAddress, draft.policy());
    settings.apply(draft);
    em.flush();
    changed(
        EventType.ACCESS_SETTINGS_UPDATED,
        actor,
        "update",
        "allowed countries "
            + (draft.countryFilter() ? String.join(" ", draft.cleanCountries()) : "off")
            + "; allowlist mode "
            + (draft.allowlistOnly() ? "on" : "off"));
    return settings;
  }

  /**
   * Refuses, and so rolls back, a change under which the administrator's address would be refused
   * on the web ports: by the first static rule matching it, or, when none does, by {@code access}.
   */
  private void keepsAdminIn(InetAddress actorAddress, AccessPolicy access) {
    if (actorAddress == null) {
      return;
    }
    ServicePorts ports = table.ports();
    List<FirewallRule> rules = staticRules().stream().map(table::firewallRule).toList();
    for (int port : new int[] {ports.https(), ports.http()}) {
      FirewallRule first =
          rules.stream()
              .filter(r -> r.matches(actorAddress, Protocol.TCP, port))
              .findFirst()
              .orElse(null);
      String refusedBy =
          first != null
              ? first.action() == RuleAction.ACCEPT ? null : "Rule " + first.name()
              : access
                  .refusal(
                      actorAddress, address -> table.countries().flatMap(c -> c.countryOf(address)))
                  .orElse(null);
      if (refusedBy != null) {
        throw new InvalidInputException(
            List.of(
                new FieldViolation(
                    first != null ? "source" : "access",
                    refusedBy
                        + " would refuse the address you are using ("
                        + actorAddress.getHostAddress()
                        + ") on the web; nothing was saved")));
      }
    }
  }

  private void changed(EventType type, String actor, String action, String detail) {
    changes.fire(new DefenseChanged());
    events.fireAsync(new SecurityEvent(clock.instant(), type, null, actor, action, detail));
  }

  private static String describe(StaticRule rule) {
    return "static rule "
        + rule.getName()
        + ": "
        + rule.getAction().getLabel()
        + " "
        + rule.getSource()
        + " "
        + rule.getScope();
  }

  private static String describe(AutoDefenseRule rule) {
    return "auto defense rule "
        + rule.getName()
        + ": "
        + rule.getScope()
        + " "
        + rule.getPackets()
        + "/"
        + rule.getSeconds()
        + " s";
  }
}
