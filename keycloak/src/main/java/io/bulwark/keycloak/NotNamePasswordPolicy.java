package io.bulwark.keycloak;

import java.util.Locale;
import java.util.stream.Stream;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Refuses a password that contains the user's first or last name, the first thing a guesser tries
 * after the extension number (which Keycloak's own {@code notContainsUsername} covers, the username
 * being the number). Names shorter than three letters are too common inside words to refuse.
 */
final class NotNamePasswordPolicy implements PasswordPolicyProvider {

  static final String ERROR = "bulwarkPasswordContainsName";
  private static final int SHORTEST_NAME = 3;

  @Override
  public PolicyError validate(RealmModel realm, UserModel user, String password) {
    return user == null ? null : check(password, user.getFirstName(), user.getLastName());
  }

  @Override
  public PolicyError validate(String user, String password) {
    return null;
  }

  /** The error for a password holding one of the names, case aside; null when it holds none. */
  static PolicyError check(String password, String... names) {
    if (password == null) {
      return null;
    }
    String folded = password.toLowerCase(Locale.ROOT);
    return Stream.of(names)
            .filter(name -> name != null && name.strip().length() >= SHORTEST_NAME)
            .anyMatch(name -> folded.contains(name.strip().toLowerCase(Locale.ROOT)))
        ? new PolicyError(ERROR)
        : null;
  }

  @Override
  public Object parseConfig(String value) {
    return null;
  }

  @Override
  public void close() {}
}
