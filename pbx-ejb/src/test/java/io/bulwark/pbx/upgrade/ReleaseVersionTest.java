package io.bulwark.pbx.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReleaseVersionTest {

  private static ReleaseVersion v(String text) {
    return ReleaseVersion.parse(text);
  }

  @Test
  void numbersCompareAsNumbersAndMissingOnesAreZero() {
    assertTrue(v("1.10.0").isNewerThan(v("1.9.9")));
    assertTrue(v("2").isNewerThan(v("1.99")));
    assertEquals(v("1.2"), v("1.2.0"));
    assertEquals(v("1.2").hashCode(), v("1.2.0").hashCode());
    assertFalse(v("1.2.0").isNewerThan(v("1.2")));
  }

  @Test
  void aReleaseReplacesItsPreReleaseAndLabelsCompareAsText() {
    assertTrue(v("0.1.0").isNewerThan(v("0.1.0-SNAPSHOT")));
    assertTrue(v("0.1.1-rc1").isNewerThan(v("0.1.0")));
    assertTrue(v("1.0.0-rc2").isNewerThan(v("1.0.0-rc1")));
    assertEquals("0.1.0-SNAPSHOT", v("0.1.0-SNAPSHOT").toString());
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad : new String[] {"", "v1.0", "1..2", "1.2.3.4.5", "1.0-", "1.0 ", "1.0-a b"}) {
      assertThrows(IllegalArgumentException.class, () -> v(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> v(null));
  }
}
