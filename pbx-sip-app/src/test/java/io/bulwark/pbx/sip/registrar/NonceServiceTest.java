package io.bulwark.pbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.sip.registrar.NonceService.Validity;
import io.bulwark.pbx.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final Duration LIFETIME = Duration.ofSeconds(300);

  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
  private final NonceService service = new NonceService(clock, LIFETIME);

  @Test
  void issuedNonceIsValid() {
    assertEquals(Validity.VALID, service.check(service.issue()).validity());
  }

  @Test
  void lifetimeIsReported() {
    assertEquals(LIFETIME, service.lifetime());
  }

  @Test
  void nonceIsValidUpToItsLifetimeAndStaleAfter() {
    String nonce = service.issue();
    clock.advance(LIFETIME);
    assertEquals(Validity.VALID, service.check(nonce).validity());
    clock.advance(Duration.ofMillis(1));
    assertEquals(Validity.STALE, service.check(nonce).validity());
  }

  @Test
  void nonceIsStaleLongAfterItsLifetime() {
    String nonce = service.issue();
    clock.advance(Duration.ofHours(2));
    assertEquals(Validity.STALE, service.check(nonce).validity());
  }

  @Test
  void nonceFromTheFutureIsStale() {
    String nonce = service.issue();
    clock.advance(Duration.ofSeconds(-1));
    assertEquals(Validity.STALE, service.check(nonce).validity());
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
      assertEquals(Validity.FORGED, service.check(tampered).validity(), "flipped character " + i);
    }
  }

  @Test
  void garbageIsForged() {
    assertEquals(Validity.FORGED, service.check("not a nonce!").validity());
    assertEquals(Validity.FORGED, service.check("%%%%").validity());
  }

  @Test
  void emptyStringIsForged() {
    assertEquals(Validity.FORGED, service.check("").validity());
  }

  @Test
  void wrongLengthIsForged() {
    String nonce = service.issue();
    assertEquals(Validity.FORGED, service.check(nonce.substring(0, 40)).validity());
    assertEquals(Validity.FORGED, service.check(nonce + "AAAA").validity());
    byte[] zeros = new byte[32];
    assertEquals(
        Validity.FORGED,
        service.check(Base64.getUrlEncoder().withoutPadding().encodeToString(zeros)).validity());
  }

  @Test
  void nonceFromAnotherInstanceIsForged() {
    NonceService other = new NonceService(clock, LIFETIME);
    String foreign = other.issue();
    assertEquals(Validity.VALID, other.check(foreign).validity());
    assertEquals(Validity.FORGED, service.check(foreign).validity());
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
  void checkReportsIssueTimeAndTheRandomId() {
    long issuedAt = clock.millis();
    String first = service.issue();
    clock.advance(Duration.ofSeconds(7));
    String second = service.issue();

    NonceService.Check a = service.check(first);
    NonceService.Check b = service.check(second);

    assertEquals(issuedAt, a.issuedAt());
    assertEquals(issuedAt + 7000, b.issuedAt());
    // The id keys the nonce counts: two challenges must not share one.
    assertNotEquals(a.id(), b.id());
    assertEquals(a, service.check(first), "checking is stateless and repeatable");
  }

  @Test
  void forgedNonceCarriesNoTimeOrId() {
    NonceService.Check forged = service.check(new NonceService(clock, LIFETIME).issue());
    assertEquals(new NonceService.Check(Validity.FORGED, 0, 0), forged);
  }

  /** Each SIP thread has its own Mac; nonces issued on one thread must check on any other. */
  @Test
  void noncesIssuedOnOneThreadAreValidOnOthers() throws Exception {
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      issued.add(service.issue());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Validity>> checks = new ArrayList<>();
      for (String nonce : issued) {
        checks.add(pool.submit(() -> service.check(nonce).validity()));
      }
      for (var check : checks) {
        assertEquals(Validity.VALID, check.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
