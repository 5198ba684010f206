package io.bulwark.pbx.identity;

import static io.bulwark.pbx.identity.Access.EDIT;
import static io.bulwark.pbx.identity.Access.VIEW;
import static io.bulwark.pbx.identity.Area.CALL_CONTROL;
import static io.bulwark.pbx.identity.Area.CALL_LOGS;
import static io.bulwark.pbx.identity.Area.CALL_SECURITY;
import static io.bulwark.pbx.identity.Area.EVENT_LOGS;
import static io.bulwark.pbx.identity.Area.EXTENSIONS;
import static io.bulwark.pbx.identity.Area.ROLES;
import static io.bulwark.pbx.identity.Area.SECURITY;
import static io.bulwark.pbx.identity.Area.TRUNKS;

import java.util.Map;
import java.util.Optional;

/**
 * The guide's seven roles, each a realm role of the same name in Keycloak. Their permissions are
 * fixed here, not stored, so that no one can weaken or delete them; a custom role copied from one
 * starts from its permissions.
 */
public enum BuiltInRole {
  SUPER_ADMINISTRATOR("super-administrator", Permissions.everywhere(EDIT)),
  /** Everything but defining roles, which is the super administrator's. */
  ADMINISTRATOR("administrator", Permissions.everywhere(EDIT).with(ROLES, VIEW)),
  /** Watches the calls, the extensions and the security of the system; changes nothing. */
  SUPERVISOR(
      "supervisor",
      Permissions.of(
          Map.of(
              EXTENSIONS, VIEW,
              CALL_CONTROL, VIEW,
              CALL_SECURITY, VIEW,
              SECURITY, VIEW,
              CALL_LOGS, VIEW,
              EVENT_LOGS, VIEW))),
  /** Runs the day-to-day: extensions and routes, with the logs to see what happened. */
  OPERATOR(
      "operator",
      Permissions.of(
          Map.of(
              EXTENSIONS, EDIT,
              TRUNKS, VIEW,
              CALL_CONTROL, EDIT,
              CALL_SECURITY, VIEW,
              CALL_LOGS, VIEW,
              EVENT_LOGS, VIEW))),
  /** The dashboard and their own account only. */
  EMPLOYEE("employee", Permissions.NONE),
  /** Keeps the people's extensions: names, numbers, who has one. */
  HUMAN_RESOURCE("human-resource", Permissions.of(Map.of(EXTENSIONS, EDIT))),
  /** Reads what calls cost: the call log and the call security limits. */
  ACCOUNTING("accounting", Permissions.of(Map.of(CALL_LOGS, VIEW, CALL_SECURITY, VIEW)));

  private final String roleName;
  private final Permissions permissions;

  BuiltInRole(String roleName, Permissions permissions) {
    this.roleName = roleName;
    this.permissions = permissions;
  }

  /** The realm role's name: {@code super-administrator}. */
  public String roleName() {
    return roleName;
  }

  public Permissions permissions() {
    return permissions;
  }

  /** "Super administrator". */
  public String getLabel() {
    return Character.toUpperCase(roleName.charAt(0)) + roleName.substring(1).replace('-', ' ');
  }

  public static Optional<BuiltInRole> named(String roleName) {
    for (BuiltInRole role : values()) {
      if (role.roleName.equalsIgnoreCase(roleName)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
