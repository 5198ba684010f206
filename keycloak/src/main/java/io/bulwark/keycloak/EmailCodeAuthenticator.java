package io.bulwark.keycloak;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The second factor "a code by email": sends a six-digit code to the user's address and asks for
 * it. A user has it once they turned it on in the user portal (the attribute {@value #ENABLED}),
 * have an email address, and the realm can send mail. A wrong code is a failed login, so it feeds
 * Bulwark's login lockout like a wrong password.
 */
final class EmailCodeAuthenticator implements Authenticator {

  /** The user attribute Bulwark sets to "true" when the user chose email codes. */
  static final String ENABLED = "bulwark.email-code";

  static final String FORM = "bulwark-email-code.ftl";
  private static final Logger LOG = Logger.getLogger(EmailCodeAuthenticator.class);
  private final Clock clock;

  EmailCodeAuthenticator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    sendCode(context, null);
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    if (form.containsKey("resend")) {
      sendCode(context, null);
      return;
    }
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    EmailCode code = EmailCode.from(authSession::getAuthNote);
    if (code == null) {
      sendCode(context, null);
      return;
    }
    switch (code.check(form.getFirst("code"), clock)) {
      case ACCEPTED -> {
        code.notes().keySet().forEach(authSession::removeAuthNote);
        context.success();
      }
      case WRONG -> {
        code.tried().notes().forEach(authSession::setAuthNote);
        context.getEvent().user(context.getUser()).error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(
            AuthenticationFlowError.INVALID_CREDENTIALS, form(context, "bulwarkEmailCodeWrong"));
      }
      case EXPIRED, EXHAUSTED -> {
        context.getEvent().user(context.getUser()).error(Errors.EXPIRED_CODE);
        sendCode(context, "bulwarkEmailCodeExpired");
      }
    }
  }

  private void sendCode(AuthenticationFlowContext context, String error) {
    Map.Entry<String, EmailCode> issued = EmailCode.issue(clock);
    try {
      context
          .getSession()
          .getProvider(EmailTemplateProvider.class)
          .setRealm(context.getRealm())
          .setUser(context.getUser())
          .setAuthenticationSession(context.getAuthenticationSession())
          .send(
              "bulwarkEmailCodeSubject",
              List.of(context.getRealm().getDisplayName()),
              "bulwark-email-code.ftl",
              // Keycloak adds its own entries to the map, so it must be mutable.
              new HashMap<>(
                  Map.of("code", issued.getKey(), "minutes", EmailCode.LIFETIME.toMinutes())));
    } catch (EmailException e) {
      LOG.warnf(e, "The sign-in code for %s could not be sent", context.getUser().getId());
      context.failureChallenge(
          AuthenticationFlowError.INTERNAL_ERROR, form(context, "bulwarkEmailCodeNotSent"));
      return;
    }
    issued.getValue().notes().forEach(context.getAuthenticationSession()::setAuthNote);
    context.challenge(form(context, error));
  }

  private static Response form(AuthenticationFlowContext context, String error) {
    var form = context.form().setAttribute("emailHint", masked(context.getUser().getEmail()));
    if (error != null) {
      form.setError(error);
    }
    return form.createForm(FORM);
  }

  /** The address as the form shows it: enough to recognise, not enough to harvest. */
  static String masked(String email) {
    if (email == null) {
      return "";
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }

  @Override
  public boolean requiresUser() {
    return true;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return enabledFor(realm, user);
  }

  /** Whether {@code user} turned email codes on, has an address, and the realm can send mail. */
  static boolean enabledFor(RealmModel realm, UserModel user) {
    String host = realm.getSmtpConfig() == null ? null : realm.getSmtpConfig().get("host");
    return host != null
        && !host.isBlank()
        && user.getEmail() != null
        && !user.getEmail().isBlank()
        && "true".equals(user.getFirstAttribute(ENABLED));
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    // Users turn email codes on in the user portal; there is nothing to enrol here.
  }

  @Override
  public void close() {}
}
