package io.bulwark.pbx.web.api;

/** Keycloak realm roles, named as in the realm file (keycloak/realm/bulwark-realm.json). */
public final class Roles {
  public static final String SUPER_ADMINISTRATOR = "super-administrator";
  public static final String ADMINISTRATOR = "administrator";

  private Roles() {}
}
