package io.bulwark.pbx.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTemplateTest {

  private static final SecurityEvent BLOCKED =
      new SecurityEvent(
          Instant.parse("2026-12-01T10:15:30Z"),
          EventType.WEB_USER_BLOCKED_OUT,
          "127.0.9.23",
          "WebUser:1000",
          "block",
          "3 failed logins in 60 s");

  @Test
  void theShippedTemplateNamesTheEventAndWhereItCameFrom() {
    EventTemplate.Rendered words = EventTemplate.DEFAULT.render(BLOCKED, EventType.Severity.ALERT);

    assertEquals("[Bulwark PBX] Alert: Web user blocked out", words.subject());
    assertTrue(words.body().startsWith("Web user blocked out (Alert) at 2026-12-01 10:15:30 UTC"));
    assertTrue(words.body().contains("Source IP: 127.0.9.23"));
    assertTrue(words.body().contains("Concerning: WebUser:1000"));
    assertTrue(words.body().contains("3 failed logins in 60 s"));
  }

  @Test
  void missingDetailsReadAsADash() {
    SecurityEvent internal =
        new SecurityEvent(Instant.EPOCH, EventType.BLOCKLIST_SYNCED, null, null, "sync", null);

    EventTemplate.Rendered words =
        new EventTemplate("{{ip}} {{ identity }}", "[{{detail}}]")
            .render(internal, EventType.Severity.INFO);

    assertEquals("- -", words.subject());
    assertEquals("[]", words.body());
  }

  @Test
  void anUnknownVariableIsRefusedWithTheListOfKnownOnes() {
    var violations = new EventTemplate("{{evnt}}", "body").violations();

    assertEquals(1, violations.size());
    assertEquals("subject", violations.get(0).field());
    assertTrue(violations.get(0).message().contains("{{evnt}} is not a variable"));
    assertTrue(violations.get(0).message().contains("event, level, time"));
  }

  @Test
  void aSubjectIsOneLineAndNeitherPartIsEmptyOrTooLong() {
    assertEquals("subject", new EventTemplate("a\nb", "x").violations().get(0).field());
    assertEquals("body", new EventTemplate("a", " ").violations().get(0).field());
    assertEquals(
        "body",
        new EventTemplate("a", "x".repeat(EventTemplate.MAX_BODY + 1)).violations().get(0).field());
    assertTrue(EventTemplate.DEFAULT.violations().isEmpty());
  }

  @Test
  void aDetailCannotBreakTheSubjectIntoHeaders() {
    SecurityEvent hostile =
        new SecurityEvent(
            Instant.EPOCH, EventType.CALL_DENIED, null, null, "reject", "x\r\nBcc: a@b.c");

    String subject =
        new EventTemplate("{{detail}}", "b").render(hostile, EventType.Severity.WARNING).subject();

    assertEquals("x Bcc: a@b.c", subject);
  }

  @Test
  void aDollarSignInADetailIsKeptAsItIs() {
    SecurityEvent priced =
        new SecurityEvent(Instant.EPOCH, EventType.CALL_DENIED, null, null, "reject", "$1 \\ $2");

    assertEquals(
        "$1 \\ $2",
        new EventTemplate("s", "{{detail}}").render(priced, EventType.Severity.INFO).body());
  }
}
