package io.bulwark.pbx.sip.registrar;

import io.bulwark.pbx.extension.SipCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks digest responses (RFC 2617, MD5 with qop=auth) and refuses replays.
 *
 * <p>For an unknown user the response is still computed, against a random HA1, so that a scanner
 * cannot tell unknown users from wrong passwords by the answer or by its timing.
 */
public final class DigestVerifier {

  /** The verdict on one Authorization header. */
  public enum Verdict {
    /** Correct response, fresh nonce, nonce count never seen before. */
    AUTHENTICATED,
    /** Correct response on an expired nonce: challenge again with {@code stale=true}. */
    STALE,
    /** Anything else: wrong password, unknown user, forged nonce, replay, wrong realm. */
    REJECTED
  }

  /** The verdict, with the credentials it was reached with when authenticated. */
  public record Result(Verdict verdict, SipCredentials credentials, String reason) {}

  private static final int MAX_TRACKED_NONCES = 200_000;
  private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");

  private final NonceService nonces;
  private final Clock clock;
  private final String realm;
  private final String decoyHa1;
  private final Map<NonceUse, Long> highestNonceCount = new ConcurrentHashMap<>();

  /** A nonce as used by one user: each user counts on a nonce of their own. */
  private record NonceUse(String nonce, String username) {}

  public DigestVerifier(NonceService nonces, Clock clock, String realm) {
    this.nonces = nonces;
    this.clock = clock;
    this.realm = realm;
    this.decoyHa1 = SipCredentials.md5Hex(nonces.issue());
  }

  public String realm() {
    return realm;
  }

  /**
   * @param lookup finds the credentials for a digest username
   */
  public Result verify(
      DigestResponse digest, String method, Function<String, Optional<SipCredentials>> lookup) {
    if (!"Digest".equalsIgnoreCase(digest.scheme())
        || digest.username() == null
        || digest.nonce() == null
        || digest.uri() == null
        || digest.response() == null) {
      return rejected("incomplete Authorization header");
    }
    Optional<SipCredentials> credentials = lookup.apply(digest.username());
    String ha1 = credentials.map(SipCredentials::ha1).orElse(decoyHa1);
    boolean correct = responseMatches(digest, method, ha1);
    if (credentials.isEmpty()) {
      return rejected("unknown user");
    }
    if (!correct) {
      return rejected("wrong password");
    }
    if (!realm.equals(digest.realm())) {
      return rejected("wrong realm");
    }
    if (digest.algorithm() != null && !"MD5".equalsIgnoreCase(digest.algorithm())) {
      return rejected("unsupported algorithm " + digest.algorithm());
    }
    if (!"auth".equalsIgnoreCase(digest.qop()) || digest.nc() == null || digest.cnonce() == null) {
      return rejected("qop=auth is required");
    }
    switch (nonces.check(digest.nonce())) {
      case FORGED:
        return rejected("nonce not issued by this server");
      case STALE:
        return new Result(Verdict.STALE, credentials.get(), "stale nonce");
      default:
        break;
    }
    if (!firstUseOf(digest.username(), digest.nonce(), digest.nc())) {
      return rejected("replayed nonce count");
    }
    return new Result(Verdict.AUTHENTICATED, credentials.get(), null);
  }

  private boolean responseMatches(DigestResponse d, String method, String ha1) {
    String ha2 = SipCredentials.md5Hex(method + ":" + d.uri());
    String expected =
        SipCredentials.md5Hex(
            ha1 + ":" + d.nonce() + ":" + d.nc() + ":" + d.cnonce() + ":" + d.qop() + ":" + ha2);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        d.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** Records the nonce count; true only if it is higher than any this user sent on this nonce. */
  private boolean firstUseOf(String username, String nonce, String ncHex) {
    if (!NONCE_COUNT.matcher(ncHex).matches()) {
      return false;
    }
    long nc = Long.parseLong(ncHex, 16);
    if (highestNonceCount.size() > MAX_TRACKED_NONCES) {
      forgetExpired();
    }
    boolean[] fresh = {false};
    highestNonceCount.compute(
        new NonceUse(nonce, username),
        (n, seen) -> {
          if (seen == null || nc > seen) {
            fresh[0] = true;
            return nc;
          }
          return seen;
        });
    return fresh[0];
  }

  /** Expired nonces are refused as stale anyway, so their counts need not be kept. */
  void forgetExpired() {
    long now = clock.millis();
    highestNonceCount.keySet().removeIf(use -> nonces.expiresAtMillis(use.nonce()) < now);
  }

  int trackedNonces() {
    return highestNonceCount.size();
  }

  private static Result rejected(String reason) {
    return new Result(Verdict.REJECTED, null, reason);
  }
}
