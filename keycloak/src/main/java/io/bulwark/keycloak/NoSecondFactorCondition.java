package io.bulwark.keycloak;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Holds for a user who has no second factor yet: no authenticator app, no recovery codes, no email
 * codes. A role the policy names then enrols an authenticator app before going on; a user with any
 * of the three is asked for one of them instead.
 */
final class NoSecondFactorCondition implements ConditionalAuthenticator {

  static final NoSecondFactorCondition SINGLETON = new NoSecondFactorCondition();
  private static final String OTP = "otp";
  private static final String RECOVERY_CODES = "recovery-authn-code";

  @Override
  public boolean matchCondition(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    if (user == null) {
      return false;
    }
    boolean stored =
        user.credentialManager()
            .getStoredCredentialsStream()
            .anyMatch(c -> OTP.equals(c.getType()) || RECOVERY_CODES.equals(c.getType()));
    return !stored && !EmailCodeAuthenticator.enabledFor(context.getRealm(), user);
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    // A condition shows no form.
  }

  @Override
  public boolean requiresUser() {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    // A condition sets nothing up.
  }

  @Override
  public void close() {}
}
