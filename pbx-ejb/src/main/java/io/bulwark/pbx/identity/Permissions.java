package io.bulwark.pbx.identity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A role's access to each area; an area not named is {@link Access#NONE}. */
public final class Permissions {

  /** No access anywhere: the dashboard only. */
  public static final Permissions NONE = new Permissions(Map.of());

  private final Map<Area, Access> access;

  private Permissions(Map<Area, Access> access) {
    EnumMap<Area, Access> copy = new EnumMap<>(Area.class);
    for (Area area : Area.values()) {
      copy.put(area, access.getOrDefault(area, Access.NONE));
    }
    this.access = Collections.unmodifiableMap(copy);
  }

  public static Permissions of(Map<Area, Access> access) {
    return new Permissions(access);
  }

  /** {@code level} in every area. */
  public static Permissions everywhere(Access level) {
    EnumMap<Area, Access> all = new EnumMap<>(Area.class);
    for (Area area : Area.values()) {
      all.put(area, level);
    }
    return new Permissions(all);
  }

  public Access in(Area area) {
    return access.get(area);
  }

  public boolean allows(Area area, Access needed) {
    return access.get(area).allows(needed);
  }

  /** These permissions with {@code level} in {@code area}. */
  public Permissions with(Area area, Access level) {
    EnumMap<Area, Access> changed = new EnumMap<>(access);
    changed.put(area, level);
    return new Permissions(changed);
  }

  /** What a user holding both roles may do: the greater access in each area. */
  public Permissions and(Permissions other) {
    EnumMap<Area, Access> union = new EnumMap<>(Area.class);
    for (Area area : Area.values()) {
      Access mine = in(area);
      Access theirs = other.in(area);
      union.put(area, mine.allows(theirs) ? mine : theirs);
    }
    return new Permissions(union);
  }

  /** Whether these permissions allow everything {@code other} allows. */
  public boolean covers(Permissions other) {
    for (Area area : Area.values()) {
      if (!in(area).allows(other.in(area))) {
        return false;
      }
    }
    return true;
  }

  /** Every area with its access, in menu order. */
  public Map<Area, Access> asMap() {
    return access;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Permissions p && p.access.equals(access);
  }

  @Override
  public int hashCode() {
    return access.hashCode();
  }

  @Override
  public String toString() {
    return access.toString();
  }
}
