package io.bulwark.pbx.notification;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.SecretCipher;
import io.bulwark.pbx.system.UniqueNames;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * System > Event Notification, Notification Contacts. A webhook's secret is made here and handed
 * out once: when the contact gets its webhook and when the secret is rotated.
 */
@Stateless
public class NotificationContacts {

  /** A contact as saved, with the webhook secret when this change made one, else {@code null}. */
  public record Saved(NotificationContact contact, String newSecret) {}

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;
  @Inject private ExtensionService extensions;

  public List<NotificationContact> all() {
    return em.createNamedQuery("NotificationContact.all", NotificationContact.class)
        .getResultList();
  }

  public NotificationContact get(long id) {
    NotificationContact found = em.find(NotificationContact.class, id);
    if (found == null) {
      throw new NotFoundException("Notification contact " + id + " does not exist");
    }
    return found;
  }

  public Saved create(NotificationContactDraft draft, String actor) {
    check(draft, null);
    NotificationContact contact = new NotificationContact(draft);
    String secret = secretIfNeeded(contact);
    em.persist(contact);
    em.flush();
    changed(EventType.NOTIFICATION_CONTACT_CREATED, actor, "create", draft.describe());
    return new Saved(contact, secret);
  }

  public Saved update(long id, Integer readVersion, NotificationContactDraft draft, String actor) {
    NotificationContact contact = get(id);
    ConcurrentChangeException.check(
        readVersion, contact.getVersion(), "Notification contact " + contact.getName());
    check(draft, id);
    contact.apply(draft);
    String secret = secretIfNeeded(contact);
    em.flush();
    changed(EventType.NOTIFICATION_CONTACT_UPDATED, actor, "update", draft.describe());
    return new Saved(contact, secret);
  }

  /** A new webhook secret; the old one stops working at once. */
  public Saved rotateSecret(long id, String actor) {
    NotificationContact contact = get(id);
    if (contact.getWebhookUrl() == null) {
      throw new InvalidInputException("webhookUrl", "This contact has no webhook to sign for");
    }
    WebhookSecret secret = WebhookSecret.generate();
    contact.secret(secret, cipher);
    em.flush();
    changed(
        EventType.NOTIFICATION_CONTACT_UPDATED,
        actor,
        "rotate-secret",
        "webhook secret of notification contact " + contact.getName() + " rotated");
    return new Saved(contact, secret.value());
  }

  public void delete(long id, String actor) {
    NotificationContact contact = get(id);
    em.remove(contact);
    changed(
        EventType.NOTIFICATION_CONTACT_DELETED,
        actor,
        "delete",
        "notification contact " + contact.getName());
  }

  /** Where and how to reach each contact, secrets decrypted, for one round of delivery. */
  public List<Recipient> recipients() {
    return all().stream().map(this::recipient).toList();
  }

  public Recipient recipient(long id) {
    return recipient(get(id));
  }

  private Recipient recipient(NotificationContact c) {
    return new Recipient(
        c.getName(),
        c.getEmail(),
        c.getWebhookUrl(),
        c.secret(cipher),
        c.getCallExtension(),
        c.getCallMobile());
  }

  private String secretIfNeeded(NotificationContact contact) {
    if (!contact.needsSecret()) {
      return null;
    }
    WebhookSecret secret = WebhookSecret.generate();
    contact.secret(secret, cipher);
    return secret.value();
  }

  private void check(NotificationContactDraft draft, Long self) {
    List<FieldViolation> violations = new ArrayList<>(draft.violations());
    if (violations.isEmpty()
        && UniqueNames.takenByAnother(
            all(), NotificationContact::getName, NotificationContact::getId, draft.name(), self)) {
      violations.add(new FieldViolation("name", "A notification contact with this name exists"));
    }
    String extension = draft.callExtension();
    if (violations.isEmpty()
        && extension != null
        && !extension.isBlank()
        && extensions.byNumber(extension.strip()).isEmpty()) {
      violations.add(new FieldViolation("callExtension", "No extension has this number"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  private void changed(EventType type, String actor, String action, String detail) {
    events.fireAsync(new SecurityEvent(clock.instant(), type, null, actor, action, detail));
  }

  /** One contact's addresses for a delivery; {@code null} where it has none. */
  public record Recipient(
      String name,
      String email,
      String webhookUrl,
      WebhookSecret secret,
      String callExtension,
      String callMobile) {}
}
