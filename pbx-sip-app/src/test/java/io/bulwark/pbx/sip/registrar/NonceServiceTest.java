package io.bulwark.pbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.sip.registrar.NonceService.Validity;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final Duration LIFETIME = Duration.ofSeconds(300);

  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
  private final NonceService service = new NonceService(clock, LIFETIME);

  @Test
  void issuedNonceIsValid() {
    assertEquals(Validity.VALID, service.check(service.issue()));
  }

  @Test
  void lifetimeIsReported() {
    assertEquals(LIFETIME, service.lifetime());
  }

  @Test
  void nonceIsValidUpToItsLifetimeAndStaleAfter() {
    String nonce = service.issue();
    clock.advance(LIFETIME);
    assertEquals(Validity.VALID, service.check(nonce));
    clock.advance(Duration.ofMillis(1));
    assertEquals(Validity.STALE, service.check(nonce));
  }

  @Test
  void nonceIsStaleLongAfterItsLifetime() {
    String nonce = service.issue();
    clock.advance(Duration.ofHours(2));
    assertEquals(Validity.STALE, service.check(nonce));
  }

  @Test
  void nonceFromTheFutureIsStale() {
    String nonce = service.issue();
    clock.advance(Duration.ofSeconds(-1));
    assertEquals(Validity.STALE, service.check(nonce));
  }

  @Test
  void everySingleCharacterChangeIsForged() {
    String nonce = service.issue();
    for (int i = 0; i < nonce.length(); i++) {
      // Flip the top bit of the 6-bit group: always part of the decoded bytes, even for the last
      // character, whose low bits are padding.
      int value = ALPHABET.indexOf(nonce.charAt(i));
      char flipped = ALPHABET.charAt(value ^ 0b100000);
      String tampered = nonce.substring(0, i) + flipped + nonce.substring(i + 1);
      assertEquals(Validity.FORGED, service.check(tampered), "flipped character " + i);
    }
  }

  @Test
  void garbageIsForged() {
    assertEquals(Validity.FORGED, service.check("not a nonce!"));
    assertEquals(Validity.FORGED, service.check("%%%%"));
  }

  @Test
  void emptyStringIsForged() {
    assertEquals(Validity.FORGED, service.check(""));
  }

  @Test
  void wrongLengthIsForged() {
    String nonce = service.issue();
    assertEquals(Validity.FORGED, service.check(nonce.substring(0, 40)));
    assertEquals(Validity.FORGED, service.check(nonce + "AAAA"));
    byte[] zeros = new byte[32];
    assertEquals(
        Validity.FORGED,
        service.check(Base64.getUrlEncoder().withoutPadding().encodeToString(zeros)));
  }

  @Test
  void nonceFromAnotherInstanceIsForged() {
    NonceService other = new NonceService(clock, LIFETIME);
    String foreign = other.issue();
    assertEquals(Validity.VALID, other.check(foreign));
    assertEquals(Validity.FORGED, service.check(foreign));
  }

  @Test
  void issuedNoncesDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      assertTrue(seen.add(service.issue()), "duplicate nonce");
    }
    assertNotEquals(service.issue(), service.issue());
  }

  @Test
  void nonceIsUrlSafeBase64WithoutPadding() {
    for (int i = 0; i < 50; i++) {
      String nonce = service.issue();
      assertTrue(nonce.matches("[A-Za-z0-9_-]+"), nonce);
      // 8 time + 8 random + 16 MAC bytes = 32 bytes = 43 characters without padding.
      assertEquals(43, nonce.length(), nonce);
      assertEquals(32, Base64.getUrlDecoder().decode(nonce).length);
    }
  }

  @Test
  void expiryIsIssueTimePlusLifetime() {
    String nonce = service.issue();
    assertEquals(clock.millis() + LIFETIME.toMillis(), service.expiresAtMillis(nonce));
  }
}
