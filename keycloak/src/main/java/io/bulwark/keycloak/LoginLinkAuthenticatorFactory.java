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

/** The authenticator {@value #ID}: a one-time login link in place of a password. */
public final class LoginLinkAuthenticatorFactory implements AuthenticatorFactory {

  static final String ID = "bulwark-login-link";
  private static final LoginLinkAuthenticator AUTHENTICATOR =
      new LoginLinkAuthenticator(Clock.systemUTC());

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
    return "One-time login link (Bulwark)";
  }

  @Override
  public String getHelpText() {
    return "Signs the user in with a one-time login link Bulwark issued (login_hint link:user:token); steps aside without one.";
  }

  @Override
  public String getReferenceCategory() {
    return "login-link";
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
