package io.bulwark.keycloak;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The condition {@value #ID}: the user has no second factor yet. */
public final class NoSecondFactorConditionFactory implements ConditionalAuthenticatorFactory {

  static final String ID = "bulwark-no-second-factor";

  @Override
  public ConditionalAuthenticator getSingleton() {
    return NoSecondFactorCondition.SINGLETON;
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayType() {
    return "Condition - no second factor yet (Bulwark)";
  }

  @Override
  public String getHelpText() {
    return "Holds when the user has no authenticator app, recovery codes or email codes.";
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.DISABLED};
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public void init(Config.Scope config) {
    // No options.
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // Nothing to look up.
  }

  @Override
  public void close() {}
}
