package io.bulwark.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLinkTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String TOKEN = "k3Jd9sPq0wXyZ-abc_DEF";
  private static final String STORED =
      EmailCode.hash(TOKEN) + ";" + NOW.plusSeconds(60).getEpochSecond();

  @Test
  void anOrdinaryHintIsNoLink() {
    assertNull(LoginLink.fromHint(null));
    assertNull(LoginLink.fromHint("2101"));
  }

  @Test
  void theHintNamesTheUserAndTheToken() {
    assertEquals(new LoginLink("2101", TOKEN), LoginLink.fromHint("link:2101:" + TOKEN));
    assertEquals(new LoginLink("", ""), LoginLink.fromHint("link:2101"));
    assertEquals(new LoginLink("", ""), LoginLink.fromHint("link:2101:"));
  }

  @Test
  void theIssuedTokenMatchesUntilItExpires() {
    LoginLink link = new LoginLink("2101", TOKEN);
    assertTrue(link.matches(STORED, CLOCK));
    assertFalse(link.matches(STORED, Clock.offset(CLOCK, java.time.Duration.ofSeconds(60))));
  }

  @Test
  void anotherTokenOrNoIssuedLinkNeverMatches() {
    assertFalse(new LoginLink("2101", TOKEN + "x").matches(STORED, CLOCK));
    assertFalse(new LoginLink("2101", "").matches(STORED, CLOCK));
    assertFalse(new LoginLink("2101", TOKEN).matches(null, CLOCK));
    assertFalse(new LoginLink("2101", TOKEN).matches("garbage", CLOCK));
    assertFalse(new LoginLink("2101", TOKEN).matches(EmailCode.hash(TOKEN) + ";soon", CLOCK));
  }
}
