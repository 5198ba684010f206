package io.bulwark.pbx.mail;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.identity.KeycloakDirectory;
import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.SecretCipher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * System > Email: the SMTP server, kept equal in Keycloak's realm (which sends the sign-in codes),
 * and the messages Bulwark sends through it.
 */
@Stateless
public class MailService {

  private static final Logger LOG = Logger.getLogger(MailService.class);

  @PersistenceContext private EntityManager em;
  @Inject private SecretCipher cipher;
  @Inject private KeycloakDirectory directory;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  public MailSettings settings() {
    return em.find(MailSettings.class, MailSettings.ID);
  }

  /**
   * Saves the server and gives it to Keycloak in the same change: when Keycloak refuses, nothing is
   * saved. With {@code readVersion}, a change saved since by someone else refuses it.
   */
  public MailSettings update(Integer readVersion, MailSettingsDraft draft, String actor) {
    MailSettings settings = settings();
    ConcurrentChangeException.check(readVersion, settings.getVersion(), "The email settings");
    List<FieldViolation> violations = draft.violations();
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    settings.apply(draft, cipher);
    em.flush();
    directory.setSmtp(keycloakSmtp(settings));
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.MAIL_SETTINGS_UPDATED,
            null,
            actor,
            "update",
            draft.describe()));
    return settings;
  }

  /** Keycloak's realm SMTP settings for {@code settings}; empty when email is off. */
  private Map<String, String> keycloakSmtp(MailSettings settings) {
    Map<String, String> smtp = new LinkedHashMap<>();
    if (!settings.isEnabled()) {
      return smtp;
    }
    smtp.put("host", settings.getHost());
    smtp.put("port", Integer.toString(settings.getPort()));
    smtp.put("from", settings.getFromAddress());
    if (settings.getFromName() != null) {
      smtp.put("fromDisplayName", settings.getFromName());
    }
    smtp.put("ssl", Boolean.toString(settings.getSecurity() == MailSecurity.TLS));
    smtp.put("starttls", Boolean.toString(settings.getSecurity() == MailSecurity.STARTTLS));
    smtp.put("auth", Boolean.toString(settings.getUsername() != null));
    if (settings.getUsername() != null) {
      smtp.put("user", settings.getUsername());
      String password = settings.password(cipher);
      smtp.put("password", password == null ? "" : password);
    }
    return smtp;
  }

  /** Sends a test message to {@code to}, so an administrator sees the settings work. */
  public void sendTest(String to, String actor) {
    if (to == null || !MailSettingsDraft.ADDRESS.matcher(to.strip()).matches()) {
      throw new InvalidInputException("to", "An email address, such as you@example.com");
    }
    send(
        List.of(
            new MailMessage(
                to.strip(),
                "Bulwark PBX: test message",
                "This message shows that Bulwark PBX can send email. Sent at the request of "
                    + actor
                    + ".",
                "<p>This message shows that Bulwark PBX can send email. Sent at the request of "
                    + Html.escape(actor)
                    + ".</p>")));
  }

  /**
   * Sends {@code messages} over one connection's worth of settings; the first that fails stops the
   * rest and says why in words fit for the page.
   */
  public void send(List<MailMessage> messages) {
    MailSettings settings = settings();
    if (!settings.isEnabled()) {
      throw new MailUnavailableException("Email is off: set an SMTP server in System > Email");
    }
    SmtpSender sender =
        new SmtpSender(
            settings.getHost(),
            settings.getPort(),
            settings.getSecurity(),
            settings.getUsername(),
            settings.password(cipher),
            settings.getFromAddress(),
            settings.getFromName());
    for (MailMessage message : messages) {
      try {
        sender.send(message);
      } catch (MessagingException e) {
        LOG.warnf("Mail to %s through %s failed: %s", message.to(), settings.getHost(), e);
        throw new MailUnavailableException(
            "The SMTP server " + settings.getHost() + " did not take the message");
      }
    }
  }
}
