package io.bulwark.pbx.identity;

import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.event.SecurityEvents;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which roles must sign in with a second factor (an authenticator app's code; enrolled at the first
 * login when missing). Keycloak keeps it, as the roles that hold {@value
 * KeycloakDirectory#TWO_FACTOR_ROLE}; a new system asks it of the super administrator and the
 * administrator, and the super administrator always.
 */
@Stateless
public class TwoFactorPolicy {

  @Inject private KeycloakDirectory directory;
  @Inject private RoleTable roles;
  @Inject private Clock clock;
  @Inject private SecurityEvents events;

  /** The roles that must sign in with a second factor, by name. */
  public Set<String> roles() {
    Set<String> required = new TreeSet<>();
    for (String role : roles.names()) {
      if (directory.requiresTwoFactor(role)) {
        required.add(role);
      }
    }
    return required;
  }

  /** Makes exactly {@code wanted} the roles that must sign in with a second factor. */
  public Set<String> update(Set<String> wanted, String actor) {
    List<FieldViolation> violations = new ArrayList<>();
    if (wanted == null) {
      violations.add(new FieldViolation("roles", "A list of role names"));
    } else {
      for (String role : wanted) {
        if (role == null || !roles.names().contains(role)) {
          violations.add(new FieldViolation("roles", "No role of this name: " + role));
        }
      }
      if (!wanted.contains(BuiltInRole.SUPER_ADMINISTRATOR.roleName())) {
        violations.add(
            new FieldViolation(
                "roles", "The super administrator always signs in with a second factor"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    Set<String> before = roles();
    for (String role : roles.names()) {
      boolean required = wanted.contains(role);
      if (required != before.contains(role)) {
        directory.requireTwoFactor(role, required);
      }
    }
    Set<String> after = new TreeSet<>(wanted);
    events.fireAsync(
        new SecurityEvent(
            clock.instant(),
            EventType.TWO_FACTOR_POLICY_UPDATED,
            null,
            actor,
            "update",
            "a second factor for " + String.join(", ", after)));
    return after;
  }
}
