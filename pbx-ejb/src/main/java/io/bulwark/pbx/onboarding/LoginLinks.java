package io.bulwark.pbx.onboarding;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.extension.Extension;
import io.bulwark.pbx.extension.ExtensionService;
import io.bulwark.pbx.extension.UserInformation;
import io.bulwark.pbx.identity.KeycloakDirectory;
import io.bulwark.pbx.identity.RoleTable;
import io.bulwark.pbx.mail.MailService;
import io.bulwark.pbx.mail.MailUnavailableException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.PublicAddress;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One-time login links per extension, and the welcome emails that carry them. An extension has at
 * most one link: a new one replaces the last, and signing in with it, its expiry or a revocation
 * ends it.
 */
@Stateless
public class LoginLinks {

  /** How long a link lives unless the administrator says otherwise: a week, for a welcome email. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);

  static final Duration LONGEST_LIFETIME = Duration.ofDays(30);

  @Inject private ExtensionService extensions;
  @Inject private RoleTable roles;
  @Inject private KeycloakDirectory directory;
  @Inject private MailService mail;
  @Inject private SecurityEvents events;
  @Inject private Clock clock;

  /** A link just issued: shown once, as its address and a QR code of it. */
  public record Issued(String number, String url, Instant expires) {}

  /** What a welcome email run did for one extension. */
  public record Outcome(String number, boolean sent, String detail) {}

  /**
   * Issues a new link for extension {@code number}'s user, valid for {@code lifetime}. The link
   * signs in as that user, so only someone whose roles {@code holds} reach as far as the user's
   * role may issue it.
   */
  public Issued issue(String number, Duration lifetime, Predicate<String> holds, String actor) {
    mayActAs(extension(number), holds);
    LoginLink link = spend(number, lifetime);
    fire(EventType.LOGIN_LINK_ISSUED, actor, "issue", number, "until " + link.expires());
    return new Issued(number, link.url(PublicAddress.url()), link.expires());
  }

  /** Ends extension {@code number}'s unspent link, if it has one. */
  public void revoke(String number, String actor) {
    extension(number);
    directory.setUserAttribute(number, LoginLink.ATTRIBUTE, null);
    fire(EventType.LOGIN_LINK_REVOKED, actor, "revoke", number, "");
  }

  /** When extension {@code number}'s unspent link expires; empty when it has none still valid. */
  public Optional<Instant> pending(String number) {
    return LoginLink.expiryOf(directory.userAttribute(number, LoginLink.ATTRIBUTE))
        .filter(clock.instant()::isBefore);
  }

  /**
   * Sends each extension of {@code numbers} a welcome email with a new login link. One without an
   * email address is skipped; a message the server refuses leaves no link behind, and stops the run
   * there, as the next would fail the same way.
   */
  public List<Outcome> sendWelcome(
      List<String> numbers, Duration lifetime, Predicate<String> holds, String actor) {
    if (numbers == null || numbers.isEmpty()) {
      throw new InvalidInputException("extensions", "Choose at least one extension");
    }
    List<Extension> chosen = new ArrayList<>();
    for (String number : new LinkedHashSet<>(numbers)) {
      Extension extension = extension(number);
      mayActAs(extension, holds);
      chosen.add(extension);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Extension extension : chosen) {
      String number = extension.getNumber();
      if (extension.getEmail() == null || extension.getEmail().isBlank()) {
        outcomes.add(new Outcome(number, false, "No email address"));
        continue;
      }
      LoginLink link = spend(number, lifetime);
      try {
        mail.send(List.of(WelcomeEmail.to(extension, link, PublicAddress.url())));
      } catch (MailUnavailableException e) {
        directory.setUserAttribute(number, LoginLink.ATTRIBUTE, null);
        outcomes.add(new Outcome(number, false, e.getMessage()));
        break;
      }
      fire(
          EventType.WELCOME_EMAIL_SENT,
          actor,
          "send",
          number,
          "login link until " + link.expires());
      outcomes.add(new Outcome(number, true, "Sent to " + extension.getEmail()));
    }
    return outcomes;
  }

  private LoginLink spend(String number, Duration lifetime) {
    Duration life = lifetime == null ? DEFAULT_LIFETIME : lifetime;
    if (life.compareTo(Duration.ofMinutes(5)) < 0 || life.compareTo(LONGEST_LIFETIME) > 0) {
      throw new InvalidInputException("hours", "From 5 minutes to 30 days (720 hours)");
    }
    LoginLink link = LoginLink.issue(number, clock.instant().plus(life));
    directory.setUserAttribute(number, LoginLink.ATTRIBUTE, link.stored());
    return link;
  }

  private void mayActAs(Extension extension, Predicate<String> holds) {
    String role = extension.getUser().getRole();
    if (!roles.reaches(holds, role == null ? UserInformation.DEFAULT_ROLE : role)) {
      throw new InvalidInputException(
          "extension",
          "Extension "
              + extension.getNumber()
              + "'s user has the role "
              + role
              + ", with access your own roles lack: ask someone who has it");
    }
  }

  private Extension extension(String number) {
    return extensions
        .byNumber(number)
        .orElseThrow(() -> new NotFoundException("No extension " + number));
  }

  private void fire(EventType type, String actor, String action, String number, String detail) {
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            type,
            null,
            actor,
            action,
            ("extension=" + number + " " + detail).strip()));
  }
}
