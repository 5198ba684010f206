package io.bulwark.pbx.onboarding;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.identity.KeycloakDirectory;
import io.bulwark.pbx.mail.MailService;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * A user's choice of sign-in codes by email as their second factor, made in the user portal.
 * Bulwark marks the user in Keycloak; its email-code authenticator there then offers the code,
 * beside an authenticator app and recovery codes.
 */
@Stateless
public class EmailCodes {

  /** The user attribute Bulwark's Keycloak authenticator reads. */
  static final String ATTRIBUTE = "bulwark.email-code";

  @Inject private KeycloakDirectory directory;
  @Inject private ExtensionService extensions;
  @Inject private MailService mail;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  public boolean enabled(String username) {
    return "true".equals(directory.userAttribute(username, ATTRIBUTE));
  }

  /**
   * Turns email codes on or off for the user {@code username}, an extension's number. On needs an
   * email address on the extension and an SMTP server, or the user could not sign in.
   */
  public void set(String username, boolean on, String actor) {
    if (on) {
      String email = extensions.byNumber(username).map(Extension::getEmail).orElse(null);
      if (email == null || email.isBlank()) {
        throw new InvalidInputException(
            "emailCodes", "Your extension has no email address; ask your administrator for one");
      }
      if (!mail.settings().isEnabled()) {
        throw new InvalidInputException(
            "emailCodes", "This system sends no email yet; ask your administrator");
      }
    }
    directory.setUserAttribute(username, ATTRIBUTE, on ? "true" : null);
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.EMAIL_CODES_CHANGED,
            null,
            actor,
            on ? "enable" : "disable",
            "user=" + username));
  }
}
