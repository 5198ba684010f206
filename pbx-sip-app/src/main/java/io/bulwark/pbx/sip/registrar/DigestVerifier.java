package io.bulwark.pbx.sip.registrar;

import io.bulwark.pbx.extension.SipCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks digest responses (RFC 2617, MD5 with qop=auth) and refuses replays.
 *
 * <p>For an unknown user the response is still computed, against a random HA1, so that a scanner
 * cannot tell unknown users from wrong passwords by the answer or by its timing.
 */
public final class DigestVerifier {

  /** The verdict on one Authorization header. */
  public enum Verdict {
    /**
     * Correct response, fresh nonce, nonce count never seen before (or this very request again).
     */
    AUTHENTICATED,
    /** Correct response on an expired nonce: challenge again with {@code stale=true}. */
    STALE,
    /** Anything else: wrong password, unknown user, forged nonce, replay, wrong realm. */
    REJECTED
  }

  /** The verdict, with the credentials it was reached with when authenticated. */
  public record Result(Verdict verdict, SipCredentials credentials, String reason) {}

  /**
   * The request an Authorization header came with.
   *
   * @param requestUri the Request-URI as received, which the digest {@code uri} must match
   * @param fingerprint tells a retransmission of this request from a replay in another request
   *     ({@link RequestFingerprint})
   */
  public record Request(String method, String requestUri, int fingerprint) {}

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(DigestVerifier::newMd5);

  private final NonceService nonces;
  private final NonceCounts counts;
  private final String realm;
  private final String decoyHa1;

  public DigestVerifier(NonceService nonces, String realm) {
    this.nonces = nonces;
    this.counts = new NonceCounts(nonces.lifetime());
    this.realm = realm;
    this.decoyHa1 = md5Hex(nonces.issue());
  }

  public String realm() {
    return realm;
  }

  /**
   * @param lookup finds the credentials for a digest username
   */
  public Result verify(
      DigestResponse digest, Request request, Function<String, Optional<SipCredentials>> lookup) {
    if (!"Digest".equalsIgnoreCase(digest.scheme())
        || digest.username() == null
        || digest.nonce() == null
        || digest.uri() == null
        || digest.response() == null) {
      return rejected("incomplete Authorization header");
    }
    Optional<SipCredentials> credentials = lookup.apply(digest.username());
    String ha1 = credentials.map(SipCredentials::ha1).orElse(decoyHa1);
    boolean correct = responseMatches(digest, request.method(), ha1);
    if (credentials.isEmpty()) {
      return rejected("unknown user");
    }
    if (!correct) {
      return rejected("wrong password");
    }
    if (!realm.equals(digest.realm())) {
      return rejected("wrong realm");
    }
    if (!digest.uri().equalsIgnoreCase(request.requestUri())) {
      return rejected("digest uri is not the Request-URI");
    }
    if (digest.algorithm() != null && !"MD5".equalsIgnoreCase(digest.algorithm())) {
      return rejected("unsupported algorithm");
    }
    if (!"auth".equalsIgnoreCase(digest.qop()) || digest.nc() == null || digest.cnonce() == null) {
      return rejected("qop=auth is required");
    }
    NonceService.Check nonce = nonces.check(digest.nonce());
    switch (nonce.validity()) {
      case FORGED:
        return rejected("nonce not issued by this server");
      case STALE:
        return new Result(Verdict.STALE, credentials.get(), "stale nonce");
      default:
        break;
    }
    long nc = nonceCount(digest.nc());
    if (nc < 0
        || counts.record(nonce.issuedAt(), nonce.id(), digest.username(), nc, request.fingerprint())
            == NonceCounts.Use.REPLAY) {
      return rejected("replayed nonce count");
    }
    return new Result(Verdict.AUTHENTICATED, credentials.get(), null);
  }

  int trackedNonces() {
    return counts.tracked();
  }

  private static boolean responseMatches(DigestResponse d, String method, String ha1) {
    String ha2 = md5Hex(method + ":" + d.uri());
    String expected =
        md5Hex(ha1 + ":" + d.nonce() + ":" + d.nc() + ":" + d.cnonce() + ":" + d.qop() + ":" + ha2);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        d.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** The nonce count if it is the 8 hex digits RFC 2617 prescribes, else -1. */
  private static long nonceCount(String hex) {
    if (hex.length() != 8) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < 8; i++) {
      char c = hex.charAt(i);
      int digit =
          c >= '0' && c <= '9'
              ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) {
        return -1;
      }
      value = (value << 4) | digit;
    }
    return value;
  }

  private static String md5Hex(String value) {
    return HexFormat.of().formatHex(MD5.get().digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by RFC 3261", e);
    }
  }

  private static Result rejected(String reason) {
    return new Result(Verdict.REJECTED, null, reason);
  }
}
