package io.bulwark.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailCodeTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void theSentDigitsAreAcceptedAndOnlyTheirHashIsKept() {
    Map.Entry<String, EmailCode> issued = EmailCode.issue(CLOCK);
    assertTrue(issued.getKey().matches("\\d{6}"));
    assertTrue(issued.getValue().notes().values().stream().noneMatch(issued.getKey()::equals));
    assertEquals(EmailCode.Verdict.ACCEPTED, issued.getValue().check(issued.getKey(), CLOCK));
  }

  @Test
  void anotherCodeIsWrongAndCountsAsATry() {
    Map.Entry<String, EmailCode> issued = EmailCode.issue(CLOCK);
    String other = issued.getKey().equals("000000") ? "000001" : "000000";
    assertEquals(EmailCode.Verdict.WRONG, issued.getValue().check(other, CLOCK));
    assertEquals(EmailCode.Verdict.WRONG, issued.getValue().check(null, CLOCK));
    assertEquals(1, issued.getValue().tried().attempts());
  }

  @Test
  void theCodeLapsesAfterItsLifetime() {
    Map.Entry<String, EmailCode> issued = EmailCode.issue(CLOCK);
    Clock later = Clock.offset(CLOCK, EmailCode.LIFETIME);
    assertEquals(EmailCode.Verdict.EXPIRED, issued.getValue().check(issued.getKey(), later));
  }

  @Test
  void afterFiveTriesEvenTheRightCodeIsRefused() {
    Map.Entry<String, EmailCode> issued = EmailCode.issue(CLOCK);
    EmailCode code = issued.getValue();
    for (int i = 0; i < EmailCode.MAX_ATTEMPTS; i++) {
      code = code.tried();
    }
    assertEquals(EmailCode.Verdict.EXHAUSTED, code.check(issued.getKey(), CLOCK));
  }

  @Test
  void theNotesGiveBackTheSameCode() {
    EmailCode code = EmailCode.issue(CLOCK).getValue().tried();
    assertEquals(code, EmailCode.from(code.notes()::get));
    assertEquals(null, EmailCode.from(Map.<String, String>of()::get));
  }

  @Test
  void twoCodesDiffer() {
    assertNotEquals(EmailCode.issue(CLOCK).getValue().hash(), EmailCode.hash("x"));
  }

  @Test
  void theFormShowsOnlyAHintOfTheAddress() {
    assertEquals("a***@example.com", EmailCodeAuthenticator.masked("alice@example.com"));
    assertEquals("***", EmailCodeAuthenticator.masked("@example.com"));
    assertEquals("", EmailCodeAuthenticator.masked(null));
  }
}
