package io.bulwark.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/** The password policy {@value #ID}: not the user's first or last name. */
public final class NotNamePasswordPolicyFactory implements PasswordPolicyProviderFactory {

  static final String ID = "bulwarkNotName";
  private static final NotNamePasswordPolicy POLICY = new NotNamePasswordPolicy();

  @Override
  public PasswordPolicyProvider create(KeycloakSession session) {
    return POLICY;
  }

  @Override
  public void init(Config.Scope config) {
    // No options: the names come from the user.
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // Nothing to look up.
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getDisplayName() {
    return "Not first or last name (Bulwark)";
  }

  @Override
  public String getConfigType() {
    return null;
  }

  @Override
  public String getDefaultConfigValue() {
    return null;
  }

  @Override
  public boolean isMultiplSupported() {
    return false;
  }
}
