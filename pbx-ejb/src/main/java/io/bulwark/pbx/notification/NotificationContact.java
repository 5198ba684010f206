package io.bulwark.pbx.notification;

import io.bulwark.pbx.system.SecretCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Someone told of events: by email, by a webhook (a JSON POST signed with the contact's own
 * secret), or both.
 */
@Entity
@Table(name = "notification_contact")
@NamedQuery(
    name = "NotificationContact.all",
    query = "select c from NotificationContact c order by c.name")
public class NotificationContact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(length = 320)
  private String email;

  @Column(name = "webhook_url", length = NotificationContactDraft.MAX_URL)
  private String webhookUrl;

  /** Encrypted with {@link SecretCipher}; shown once, when it is made. */
  @Column(name = "webhook_secret", length = 512)
  private String webhookSecret;

  @Version private int version;

  protected NotificationContact() {}

  NotificationContact(NotificationContactDraft draft) {
    apply(draft);
  }

  void apply(NotificationContactDraft draft) {
    name = draft.name().strip();
    email = blankToNull(draft.email());
    webhookUrl = blankToNull(draft.webhookUrl());
  }

  /** Whether the webhook has no secret yet and needs one before it can be called. */
  boolean needsSecret() {
    return webhookUrl != null && webhookSecret == null;
  }

  void secret(WebhookSecret secret, SecretCipher cipher) {
    webhookSecret = cipher.encrypt(secret.value());
  }

  WebhookSecret secret(SecretCipher cipher) {
    return webhookSecret == null ? null : new WebhookSecret(cipher.decrypt(webhookSecret));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getWebhookUrl() {
    return webhookUrl;
  }

  public int getVersion() {
    return version;
  }

  /** "Email, webhook": how the contact is told, as the contact list shows it. */
  public String getMethods() {
    if (email != null && webhookUrl != null) {
      return "Email, webhook";
    }
    return email != null ? "Email" : "Webhook";
  }
}
