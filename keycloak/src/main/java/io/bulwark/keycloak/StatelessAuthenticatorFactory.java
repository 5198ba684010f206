package io.bulwark.keycloak;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What Bulwark's authenticators have in common: one shared instance without state, no options to
 * configure in a flow, nothing for the user to set up from the flow.
 */
abstract class StatelessAuthenticatorFactory implements AuthenticatorFactory {

  private final String id;
  private final String displayType;
  private final String helpText;
  private final Authenticator authenticator;

  StatelessAuthenticatorFactory(
      String id, String displayType, String helpText, Authenticator authenticator) {
    this.id = id;
    this.displayType = displayType;
    this.helpText = helpText;
    this.authenticator = authenticator;
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return authenticator;
  }

  @Override
  public final String getId() {
    return id;
  }

  @Override
  public final String getDisplayType() {
    return displayType;
  }

  @Override
  public final String getHelpText() {
    return helpText;
  }

  @Override
  public String getReferenceCategory() {
    return id;
  }

  @Override
  public final boolean isConfigurable() {
    return false;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
  }

  @Override
  public final boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public final List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public final void init(Config.Scope config) {
    // No options.
  }

  @Override
  public final void postInit(KeycloakSessionFactory factory) {
    // Nothing to look up.
  }

  @Override
  public final void close() {}
}
