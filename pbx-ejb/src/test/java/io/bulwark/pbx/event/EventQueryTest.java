package io.bulwark.pbx.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventQueryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void onlyTheChosenFiltersBecomeConditions() {
    assertEquals(" where 1 = 1", EventQuery.ALL.filter().clause());
    assertEquals(
        " where 1 = 1 and e.occurredAt >= :from and e.type in :types",
        EventQuery.since(NOW.minusSeconds(3600))
            .withTypes(Set.of(EventType.REGISTRATION_FAILED))
            .filter()
            .clause());
    assertEquals(
        " where 1 = 1 and e.severity in :severities",
        EventQuery.ALL.withSeverities(Set.of(EventType.Severity.ALERT)).filter().clause());
  }

  @Test
  void sinceNothingIsEverything() {
    assertEquals(EventQuery.ALL, EventQuery.since(null));
    assertEquals(NOW, EventQuery.since(NOW).from());
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    assertEquals(
        "from",
        new EventQuery(NOW, NOW.minusSeconds(1), null, null, null).violations().get(0).field());
    assertTrue(new EventQuery(NOW, NOW, null, null, null).violations().isEmpty());
  }

  @Test
  void typesAndSeveritiesReadAsWords() {
    assertEquals("Registration failed", EventType.REGISTRATION_FAILED.getLabel());
    assertEquals("Warning", EventType.Severity.WARNING.getLabel());
  }
}
