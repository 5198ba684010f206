package io.bulwark.pbx.identity;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An API client as an administrator writes it: a name (lower case letters, digits, hyphens; the
 * Keycloak client becomes {@code api-<name>}), what it is for, and the role it holds, which may be
 * any role but the super administrator's.
 */
public record ApiClientDraft(String name, String description, String role) {

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  /** The checks that need no other record; that the role exists is the service's. */
  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (name == null || !NAME.matcher(name.strip()).matches()) {
      found.add(
          new FieldViolation(
              "name",
              "2 to 40 lower case letters, digits and hyphens, starting with a letter:"
                  + " backup-script"));
    }
    if (description != null && description.strip().length() > RoleDraft.MAX_DESCRIPTION) {
      found.add(
          new FieldViolation(
              "description", "At most " + RoleDraft.MAX_DESCRIPTION + " characters"));
    }
    if (role == null || role.isBlank()) {
      found.add(new FieldViolation("role", "Choose the role the client acts with"));
    } else if (BuiltInRole.SUPER_ADMINISTRATOR.roleName().equalsIgnoreCase(role.strip())) {
      found.add(
          new FieldViolation(
              "role", "A script cannot be super administrator; choose Administrator or less"));
    }
    return found;
  }
}
