package io.bulwark.keycloak;

import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The authenticator {@value #ID}: a sign-in code sent by email, as a second factor. */
public final class EmailCodeAuthenticatorFactory implements AuthenticatorFactory {

  static final String ID = "bulwark-email-code";
  private static final EmailCodeAuthenticator AUTHENTICATOR =
      new EmailCodeAuthenticator(Clock.systemUTC());

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
    return "Email code (Bulwark)";
  }

  @Override
  public String getHelpText() {
    return "Sends a six-digit sign-in code to the user's email address and asks for it.";
  }

  @Override
  public String getReferenceCategory() {
    return "email-code";
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
