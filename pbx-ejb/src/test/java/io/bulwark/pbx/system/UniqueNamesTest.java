package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

  private record Named(Long id, String name) {}

  private final List<Named> all = List.of(new Named(1L, "Sales"), new Named(2L, "Night shift"));

  @Test
  void aNameDifferingInCaseOrSpacesOnlyIsTakenAsTheDatabaseKeySeesIt() {
    assertTrue(UniqueNames.takenByAnother(all, Named::name, Named::id, " sales ", null));
    assertTrue(UniqueNames.takenByAnother(all, Named::name, Named::id, "NIGHT SHIFT", 1L));
  }

  @Test
  void aRecordKeepsItsOwnNameAndANewNameIsFree() {
    assertFalse(UniqueNames.takenByAnother(all, Named::name, Named::id, "SALES", 1L));
    assertFalse(UniqueNames.takenByAnother(all, Named::name, Named::id, "Support", null));
  }
}
