package io.bulwark.keycloak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A six-digit sign-in code sent by email: valid for {@link #LIFETIME}, for {@link #MAX_ATTEMPTS}
 * tries. It lives in the authentication session's notes, hashed, so the code itself is never
 * stored.
 */
record EmailCode(String hash, Instant expires, int attempts) {

  static final Duration LIFETIME = Duration.ofMinutes(5);
  static final int MAX_ATTEMPTS = 5;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HASH = "bulwark.email-code.hash";
  private static final String EXPIRES = "bulwark.email-code.expires";
  private static final String ATTEMPTS = "bulwark.email-code.attempts";

  /** What a check of an entered code found. */
  enum Verdict {
    ACCEPTED,
    WRONG,
    EXPIRED,
    EXHAUSTED
  }

  /** A new code, as the digits to send and the record to keep. */
  static Map.Entry<String, EmailCode> issue(Clock clock) {
    String digits = String.format("%06d", RANDOM.nextInt(1_000_000));
    return Map.entry(digits, new EmailCode(hash(digits), clock.instant().plus(LIFETIME), 0));
  }

  /** Whether {@code entered} is this code, and what remains of it after the try. */
  Verdict check(String entered, Clock clock) {
    if (attempts >= MAX_ATTEMPTS) {
      return Verdict.EXHAUSTED;
    }
    if (!clock.instant().isBefore(expires)) {
      return Verdict.EXPIRED;
    }
    String digits = entered == null ? "" : entered.strip();
    return MessageDigest.isEqual(
            hash(digits).getBytes(StandardCharsets.US_ASCII),
            hash.getBytes(StandardCharsets.US_ASCII))
        ? Verdict.ACCEPTED
        : Verdict.WRONG;
  }

  EmailCode tried() {
    return new EmailCode(hash, expires, attempts + 1);
  }

  Map<String, String> notes() {
    return Map.of(
        HASH, hash, EXPIRES, Long.toString(expires.getEpochSecond()), ATTEMPTS, "" + attempts);
  }

  /** The code kept in {@code notes}, or null when none was sent. */
  static EmailCode from(UnaryOperator<String> notes) {
    String hash = notes.apply(HASH);
    String expires = notes.apply(EXPIRES);
    String attempts = notes.apply(ATTEMPTS);
    if (hash == null || expires == null || attempts == null) {
      return null;
    }
    return new EmailCode(
        hash, Instant.ofEpochSecond(Long.parseLong(expires)), Integer.parseInt(attempts));
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
