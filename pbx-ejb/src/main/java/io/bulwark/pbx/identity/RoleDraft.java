package io.bulwark.pbx.identity;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A custom role as an administrator writes it: a name (lower case letters, digits and hyphens, as
 * Keycloak's realm role will be called), a description, and the access to each area by name ({@code
 * "EXTENSIONS": "EDIT"}); an area not named is no access.
 */
public record RoleDraft(String name, String description, Map<String, String> access) {

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,47}");
  static final int MAX_DESCRIPTION = 255;

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (name == null || !NAME.matcher(name.strip()).matches()) {
      found.add(
          new FieldViolation(
              "name",
              "2 to 48 lower case letters, digits and hyphens, starting with a letter:"
                  + " night-operator"));
    } else if (BuiltInRole.named(name.strip()).isPresent()
        || name.strip().startsWith("default-roles")
        || name.strip().equals(KeycloakDirectory.TWO_FACTOR_ROLE)) {
      found.add(
          new FieldViolation("name", "The name of a built-in or reserved role; choose another"));
    }
    if (description != null && description.strip().length() > MAX_DESCRIPTION) {
      found.add(new FieldViolation("description", "At most " + MAX_DESCRIPTION + " characters"));
    }
    if (access != null) {
      access.forEach(
          (area, level) -> {
            if (area == null || parse(Area.class, area) == null) {
              found.add(
                  new FieldViolation(
                      "access", "No such area: " + area + "; areas are " + List.of(Area.values())));
            } else if (level == null || parse(Access.class, level) == null) {
              found.add(new FieldViolation("access." + area, "NONE, VIEW or EDIT"));
            }
          });
    }
    return found;
  }

  /** The permissions; call only when {@link #violations()} found none. */
  public Permissions permissions() {
    Map<Area, Access> parsed = new EnumMap<>(Area.class);
    if (access != null) {
      access.forEach(
          (area, level) -> parsed.put(parse(Area.class, area), parse(Access.class, level)));
    }
    return Permissions.of(parsed);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
