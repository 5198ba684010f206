package io.bulwark.pbx.identity;

import static io.bulwark.pbx.identity.Access.EDIT;
import static io.bulwark.pbx.identity.Access.NONE;
import static io.bulwark.pbx.identity.Access.VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PermissionsTest {

  @Test
  void editIncludesViewAndNoneAllowsNothing() {
    assertTrue(EDIT.allows(VIEW));
    assertTrue(VIEW.allows(VIEW));
    assertFalse(VIEW.allows(EDIT));
    assertFalse(NONE.allows(VIEW));
    assertTrue(NONE.allows(NONE));
  }

  @Test
  void anAreaNotNamedIsNoAccess() {
    Permissions trunks = Permissions.of(Map.of(Area.TRUNKS, VIEW));
    assertTrue(trunks.allows(Area.TRUNKS, VIEW));
    assertFalse(trunks.allows(Area.TRUNKS, EDIT));
    assertFalse(trunks.allows(Area.EXTENSIONS, VIEW));
    assertEquals(Area.values().length, trunks.asMap().size());
  }

  @Test
  void holdingTwoRolesGivesTheGreaterAccessOfEachArea() {
    Permissions a = Permissions.of(Map.of(Area.TRUNKS, VIEW, Area.EXTENSIONS, EDIT));
    Permissions b = Permissions.of(Map.of(Area.TRUNKS, EDIT, Area.CALL_LOGS, VIEW));
    assertEquals(
        Permissions.of(Map.of(Area.TRUNKS, EDIT, Area.EXTENSIONS, EDIT, Area.CALL_LOGS, VIEW)),
        a.and(b));
    assertEquals(a.and(b), b.and(a));
    assertTrue(a.and(b).covers(a));
    assertFalse(a.covers(a.and(b)));
  }

  @Test
  void builtInRolesAreOrderedByPower() {
    Permissions superAdmin = BuiltInRole.SUPER_ADMINISTRATOR.permissions();
    for (BuiltInRole role : BuiltInRole.values()) {
      assertTrue(superAdmin.covers(role.permissions()), role + " within the super administrator");
      assertTrue(
          role.permissions().covers(BuiltInRole.EMPLOYEE.permissions()), role + " over employee");
    }
    assertEquals(VIEW, BuiltInRole.ADMINISTRATOR.permissions().in(Area.ROLES));
    assertEquals(EDIT, BuiltInRole.ADMINISTRATOR.permissions().in(Area.SECURITY));
    assertEquals(Permissions.NONE, BuiltInRole.EMPLOYEE.permissions());
    assertFalse(BuiltInRole.SUPERVISOR.permissions().allows(Area.EXTENSIONS, EDIT));
    assertEquals("Human resource", BuiltInRole.HUMAN_RESOURCE.getLabel());
    assertEquals(BuiltInRole.ACCOUNTING, BuiltInRole.named("Accounting").orElseThrow());
  }
}
