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
import java.util.ArrayList;
import java.util.List;

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

  @Column(name = "call_extension", length = 16)
  private String callExtension;

  @Column(name = "call_mobile", length = 32)
  private String callMobile;

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
    callExtension = blankToNull(draft.callExtension());
    callMobile = blankToNull(draft.callMobile());
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

  public String getCallExtension() {
    return callExtension;
  }

  public String getCallMobile() {
    return callMobile;
  }

  public int getVersion() {
    return version;
  }

  /** "Email, call, webhook": how the contact is told, as the contact list shows it. */
  public String getMethods() {
    List<String> methods = new ArrayList<>();
    if (email != null) {
      methods.add("email");
    }
    if (callExtension != null || callMobile != null) {
      methods.add("call");
    }
    if (webhookUrl != null) {
      methods.add("webhook");
    }
    String list = String.join(", ", methods);
    return list.isEmpty() ? list : Character.toUpperCase(list.charAt(0)) + list.substring(1);
  }
}
