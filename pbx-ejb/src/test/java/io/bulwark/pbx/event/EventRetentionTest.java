package io.bulwark.pbx.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventRetentionTest {

  @Test
  void absentOrBlankMeansNinetyDays() {
    assertEquals(Duration.ofDays(90), EventRetention.parse(null));
    assertEquals(Duration.ofDays(90), EventRetention.parse(""));
    assertEquals(Duration.ofDays(90), EventRetention.parse("  "));
    assertEquals(90, EventRetention.DEFAULT_DAYS);
  }

  @Test
  void wholeDaysFromOneTo3650AreAccepted() {
    assertEquals(Duration.ofDays(1), EventRetention.parse("1"));
    assertEquals(Duration.ofDays(30), EventRetention.parse(" 30 "));
    assertEquals(Duration.ofDays(3650), EventRetention.parse("3650"));
  }

  @Test
  void badValuesAreRefusedWithAMessageNamingTheVariableAndTheValue() {
    for (String bad : new String[] {"0", "-5", "3651", "ten", "1.5", "30d", "99999999999"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> EventRetention.parse(bad), bad);
      assertTrue(e.getMessage().contains("BULWARK_EVENT_RETENTION_DAYS"), e.getMessage());
      assertTrue(e.getMessage().contains("1 to 3650"), e.getMessage());
      assertTrue(e.getMessage().endsWith(bad), e.getMessage());
    }
  }
}
