package io.bulwark.pbx.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginLinkTest {

  private static final Instant UNTIL = Instant.parse("2026-12-08T10:00:00Z");

  @Test
  void theUrlCarriesTheHintTheAuthenticatorReads() {
    LoginLink link = new LoginLink("2101", "k3Jd9sPq0wXyZ-abc_DEF", UNTIL);
    assertEquals(
        "https://pbx.example.com/my-extension.xhtml?login_hint=link%3A2101%3Ak3Jd9sPq0wXyZ-abc_DEF",
        link.url("https://pbx.example.com"));
  }

  @Test
  void onlyTheHashAndExpiryAreKept() {
    LoginLink link = LoginLink.issue("2101", UNTIL);
    String stored = link.stored();
    assertFalse(stored.contains(link.token()));
    assertTrue(stored.matches("[0-9a-f]{64};" + UNTIL.getEpochSecond()));
    assertEquals(Optional.of(UNTIL), LoginLink.expiryOf(stored));
  }

  @Test
  void everyLinkIsNew() {
    LoginLink one = LoginLink.issue("2101", UNTIL);
    LoginLink two = LoginLink.issue("2101", UNTIL);
    assertNotEquals(one.token(), two.token());
    assertTrue(one.token().matches("[A-Za-z0-9_-]{43}"));
  }

  @Test
  void anUnreadableRecordHasNoExpiry() {
    assertEquals(Optional.empty(), LoginLink.expiryOf(null));
    assertEquals(Optional.empty(), LoginLink.expiryOf("abc"));
    assertEquals(Optional.empty(), LoginLink.expiryOf("abc;soon"));
  }
}
