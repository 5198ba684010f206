package io.bulwark.pbx.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityEventTest {

  private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");

  private static SecurityEvent event(
      EventType type, String ip, String identity, String action, String detail) {
    return new SecurityEvent(AT, type, ip, identity, action, detail);
  }

  @Test
  void logLineListsKeyValuePairs() {
    SecurityEvent e =
        event(EventType.REGISTRATION_FAILED, "203.0.113.9", "alice", "reject", "wrong password");

    assertEquals(
        "event=REGISTRATION_FAILED ip=203.0.113.9 identity=alice action=reject"
            + " detail=\"wrong password\"",
        e.logLine());
  }

  @Test
  void nullAndEmptyTokensAreWrittenAsDash() {
    assertEquals(
        "event=EXTENSION_CREATED ip=- identity=- action=- detail=\"\"",
        event(EventType.EXTENSION_CREATED, null, null, null, null).logLine());
    assertEquals(
        "event=EXTENSION_DELETED ip=- identity=- action=- detail=\"\"",
        event(EventType.EXTENSION_DELETED, "", "", "", "").logLine());
  }

  @Test
  void spacesQuotesAndEqualsInTokensAreReplaced() {
    SecurityEvent e =
        event(
            EventType.REGISTRATION_FAILED,
            "203.0.113.9",
            "evil user\" action=accept",
            "re ject\t",
            null);

    assertEquals(
        "event=REGISTRATION_FAILED ip=203.0.113.9 identity=evil_user__action_accept"
            + " action=re_ject_ detail=\"\"",
        e.logLine());
  }

  @Test
  void newlinesInTokensAreReplaced() {
    SecurityEvent e = event(EventType.REGISTRATION_FAILED, null, "alice\r\nevent=FAKE", "x", null);

    assertEquals(
        "event=REGISTRATION_FAILED ip=- identity=alice__event_FAKE action=x detail=\"\"",
        e.logLine());
  }

  @Test
  void quotesAndBackslashesInDetailAreEscaped() {
    SecurityEvent e =
        event(
            EventType.EXTENSION_UPDATED,
            null,
            "admin",
            "update",
            "extension 201 (Zoë \"Z\" C:\\phones)");

    assertEquals(
        "event=EXTENSION_UPDATED ip=- identity=admin action=update"
            + " detail=\"extension 201 (Zoë \\\"Z\\\" C:\\\\phones)\"",
        e.logLine());
  }

  @Test
  void detailCannotCloseItsQuotesEarly() {
    SecurityEvent e =
        event(EventType.REGISTRATION_FAILED, null, "bob", "reject", "x\\\" ip=1.2.3.4");

    // backslash doubled first, then the quote escaped: x\\\" stays inside the value
    assertEquals(
        "event=REGISTRATION_FAILED ip=- identity=bob action=reject detail=\"x\\\\\\\" ip=1.2.3.4\"",
        e.logLine());
  }

  @Test
  void detailWithLineBreaksStaysOnOneLine() {
    SecurityEvent e =
        event(
            EventType.REGISTRATION_FAILED,
            "203.0.113.9",
            "alice",
            "reject",
            "bad\nevent=EXTENSION_CREATED ip=- identity=admin");

    String line = e.logLine();

    assertFalse(line.contains("\n"), line);
    assertFalse(line.contains("\r"), line);
  }
}
