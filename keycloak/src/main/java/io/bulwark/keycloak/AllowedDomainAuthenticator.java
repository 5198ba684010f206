package io.bulwark.keycloak;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * After every sign-in through Microsoft (the realm's post-broker-login flow of the identity
 * provider {@value #PROVIDER}): lets the user in only when their email address is in one of the
 * domains the administrator allowed. Users are matched to extensions by that address, so this is
 * what keeps another organisation's accounts out.
 */
final class AllowedDomainAuthenticator implements Authenticator {

  /** The alias Bulwark gives the Microsoft Entra ID identity provider. */
  static final String PROVIDER = "microsoft";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    IdentityProviderModel provider = context.getSession().identityProviders().getByAlias(PROVIDER);
    AllowedDomains allowed =
        AllowedDomains.parse(
            provider == null ? null : provider.getConfig().get(AllowedDomains.CONFIG));
    UserModel user = context.getUser();
    if (provider != null && user != null && allowed.admits(user.getEmail())) {
      context.success();
      return;
    }
    context.getEvent().user(user).error(Errors.IDENTITY_PROVIDER_ERROR);
    Response page =
        context
            .form()
            .setError("bulwarkDomainNotAllowed")
            .createErrorPage(Response.Status.FORBIDDEN);
    context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    authenticate(context);
  }

  @Override
  public boolean requiresUser() {
    return true;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    // Nothing for the user to set up.
  }

  @Override
  public void close() {}
}
