package io.bulwark.pbx.extension;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.identity.KeycloakDirectory;
import io.bulwark.pbx.identity.RoleTable;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.SecretCipher;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates, changes and removes extensions. Every change is validated first and audited. */
@Stateless
public class ExtensionService {

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;
  @Inject private KeycloakDirectory directory;
  @Inject private RoleTable roles;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;
  @Inject private Event<ExtensionChanged> changes;

  public List<Extension> all() {
    return em.createNamedQuery("Extension.all", Extension.class).getResultList();
  }

  public Extension get(long id) {
    Extension extension = em.find(Extension.class, id);
    if (extension == null) {
      throw new NotFoundException("Extension " + id + " does not exist");
    }
    return extension;
  }

  public Optional<Extension> byNumber(String number) {
    return em.createNamedQuery("Extension.byNumber", Extension.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /**
   * What a phone needs to register as extension {@code number}, its password decrypted: only for
   * provisioning a phone its user asked for.
   */
  public Optional<SipAccount> sipAccount(String number) {
    return byNumber(number)
        .map(
            x ->
                new SipAccount(
                    x.getNumber(),
                    x.getDisplayName(),
                    x.getRegistrationName(),
                    cipher.decrypt(x.getEncryptedSecret())));
  }

  public Extension create(ExtensionDraft draft, String actor) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations(true));
    if (violations.isEmpty()) {
      violations.addAll(conflicts(draft, null));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    Extension extension = new Extension(draft, cipher.encrypt(draft.secret()));
    em.persist(extension);
    em.flush();
    syncUser(extension);
    changes.fire(new ExtensionChanged(extension.getId(), extension.getNumber(), null, false));
    audit(EventType.EXTENSION_CREATED, extension, actor, "create");
    return extension;
  }

  /**
   * Changes an extension as the draft says. With {@code readVersion}, the version the change was
   * made from, a change saved since by someone else refuses it ({@link ConcurrentChangeException});
   * without it the last save wins.
   */
  public Extension update(long id, Integer readVersion, ExtensionDraft draft, String actor) {
    Extension extension = get(id);
    if (readVersion != null && readVersion != extension.getVersion()) {
      throw new ConcurrentChangeException(
          "Extension "
              + extension.getNumber()
              + " was changed by someone else since you opened it. Open it again to see the"
              + " changes; nothing was saved.");
    }
    List<FieldViolation> violations = new ArrayList<>();
    if (draft.number() != null && !draft.number().equals(extension.getNumber())) {
      violations.add(new FieldViolation("number", "The extension number cannot be changed"));
    } else {
      violations.addAll(draft.forNumber(extension.getNumber()).violations(false));
    }
    if (violations.isEmpty()) {
      violations.addAll(conflicts(draft, extension.getId()));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    String oldName = extension.getRegistrationName();
    boolean newSecret = draft.secret() != null && !draft.secret().isEmpty();
    extension.apply(draft, newSecret ? cipher.encrypt(draft.secret()) : null);
    em.flush(); // the version check of the database, before anyone hears of the change
    syncUser(extension);
    changes.fire(new ExtensionChanged(extension.getId(), extension.getNumber(), oldName, false));
    audit(EventType.EXTENSION_UPDATED, extension, actor, newSecret ? "update+secret" : "update");
    return extension;
  }

  /**
   * Disables the outbound calls of extension {@code number} for {@code why}; an administrator turns
   * them on again on the extension. Asynchronous: a SIP thread asks and goes on.
   */
  @Asynchronous
  public void disableOutboundCalls(String number, String why) {
    byNumber(number)
        .filter(Extension::disableOutbound)
        .ifPresent(
            extension -> {
              em.flush();
              changes.fire(
                  new ExtensionChanged(
                      extension.getId(),
                      extension.getNumber(),
                      extension.getRegistrationName(),
                      false));
              events.fireAsync(
                  new SecurityEvent(
                      clock.instant(),
                      EventType.EXTENSION_OUTBOUND_DISABLED,
                      null,
                      number,
                      "disable",
                      "outbound calls of extension " + number + " disabled: " + why));
            });
  }

  public void delete(long id, String actor) {
    Extension extension = get(id);
    em.remove(extension);
    em.flush();
    directory.deleteUser(extension.getNumber());
    changes.fire(
        new ExtensionChanged(
            extension.getId(), extension.getNumber(), extension.getRegistrationName(), true));
    audit(EventType.EXTENSION_DELETED, extension, actor, "delete");
  }

  /**
   * Makes extension {@code id}'s user in Keycloak what the database says, as after a restore put
   * back rows Keycloak never saw.
   */
  public void resyncUser(long id) {
    syncUser(get(id));
  }

  /** Makes the extension's user in Keycloak what the extension says. */
  private void syncUser(Extension extension) {
    UserInformation user = extension.getUser();
    directory.syncUser(
        new KeycloakDirectory.RealmUser(
            extension.getNumber(),
            extension.getEmail(),
            user.getFirstName(),
            user.getLastName(),
            user.getMobile(),
            user.getRole()),
        roles.names());
  }

  private List<FieldViolation> conflicts(ExtensionDraft draft, Long self) {
    List<FieldViolation> found = new ArrayList<>();
    if (draft.user() != null && !roles.names().contains(draft.user().roleOrDefault())) {
      found.add(new FieldViolation("user.role", "No role of this name"));
    }
    if (takenByAnother("Extension.byNumber", "number", draft.number(), self)) {
      found.add(new FieldViolation("number", "Extension " + draft.number() + " already exists"));
    }
    if (takenByAnother("Extension.byRegistrationName", "name", draft.registrationName(), self)) {
      found.add(new FieldViolation("registrationName", "This registration name is already in use"));
    }
    Long rule = draft.restrictions() == null ? null : draft.restrictions().getFrequencyRuleId();
    // By the query's name: the rules belong to the call policy, which reads extensions.
    if (rule != null
        && em.createNamedQuery("FrequencyRule.countById", Long.class)
                .setParameter("id", rule)
                .getSingleResult()
            == 0) {
      found.add(
          new FieldViolation(
              "restrictions.frequencyRuleId", "No outbound call frequency rule has this id"));
    }
    return found;
  }

  private boolean takenByAnother(String query, String parameter, String value, Long self) {
    return em.createNamedQuery(query, Extension.class)
        .setParameter(parameter, value)
        .getResultStream()
        .anyMatch(e -> !e.getId().equals(self));
  }

  private void audit(EventType type, Extension extension, String actor, String action) {
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            type,
            null,
            actor,
            action,
            "extension " + extension.getNumber() + " (" + extension.getDisplayName() + ")"));
  }
}
