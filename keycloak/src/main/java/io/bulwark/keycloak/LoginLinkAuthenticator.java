package io.bulwark.keycloak;

import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Signs a user in with a one-time login link instead of a password. Without a link in the request
 * it steps aside for the password form; with one it either identifies the user and spends the link,
 * or answers that the link is spent, expired or revoked (a failed login, so guessing links feeds
 * the login lockout). Second factors after it still apply.
 */
final class LoginLinkAuthenticator implements Authenticator {

  private static final String LOGIN_HINT = "login_hint";
  private final Clock clock;

  LoginLinkAuthenticator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    LoginLink link =
        LoginLink.fromHint(context.getAuthenticationSession().getClientNote(LOGIN_HINT));
    if (link == null) {
      context.attempted();
      return;
    }
    context.getAuthenticationSession().removeClientNote(LOGIN_HINT);
    UserModel user =
        link.username().isEmpty()
            ? null
            : context.getSession().users().getUserByUsername(context.getRealm(), link.username());
    if (user == null
        || !user.isEnabled()
        || !link.matches(user.getFirstAttribute(LoginLink.ATTRIBUTE), clock)) {
      context.getEvent().detail("username", link.username());
      if (user != null) {
        context.getEvent().user(user);
      }
      context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
      Response page =
          context
              .form()
              .setError("bulwarkLoginLinkRefused")
              .createErrorPage(Response.Status.UNAUTHORIZED);
      context.failure(AuthenticationFlowError.INVALID_CREDENTIALS, page);
      return;
    }
    user.removeAttribute(LoginLink.ATTRIBUTE);
    context.setUser(user);
    context.success();
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    authenticate(context);
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    // A link is issued by an administrator; there is nothing for the user to set up.
  }

  @Override
  public void close() {}
}
