package io.bulwark.keycloak;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;

/** The condition {@value #ID}: the user has no second factor yet. */
public final class NoSecondFactorConditionFactory extends StatelessAuthenticatorFactory
    implements ConditionalAuthenticatorFactory {

  static final String ID = "bulwark-no-second-factor";

  public NoSecondFactorConditionFactory() {
    super(
        ID,
        "Condition - no second factor yet (Bulwark)",
        "Holds when the user has no authenticator app, recovery codes or email codes.",
        NoSecondFactorCondition.SINGLETON);
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return NoSecondFactorCondition.SINGLETON;
  }

  @Override
  public ConditionalAuthenticator getSingleton() {
    return NoSecondFactorCondition.SINGLETON;
  }

  @Override
  public String getReferenceCategory() {
    return ConditionalAuthenticatorFactory.super.getReferenceCategory();
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
  }
}
