package io.bulwark.keycloak;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The authenticator {@value #ID}: only the allowed email domains through Microsoft. */
public final class AllowedDomainAuthenticatorFactory implements AuthenticatorFactory {

  static final String ID = "bulwark-allowed-domain";
  private static final AllowedDomainAuthenticator AUTHENTICATOR = new AllowedDomainAuthenticator();

  @Override
  public Authenticator create(KeycloakSession session) {
    return AUTHENTICATOR;
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayType() {
    return "Allowed email domain (Bulwark)";
  }

  @Override
  public String getHelpText() {
    return "Lets a user signed in through Microsoft in only when their email domain is allowed.";
  }

  @Override
  public String getReferenceCategory() {
    return "allowed-domain";
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
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
