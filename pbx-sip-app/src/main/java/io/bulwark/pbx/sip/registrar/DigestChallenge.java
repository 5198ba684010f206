package io.bulwark.pbx.sip.registrar;

import io.bulwark.sip.SipRequest;
import java.text.ParseException;
import java.util.ListIterator;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The digest exchange of RFC 3261 section 22 as a registrar (401, WWW-Authenticate, Authorization)
 * or a proxy-like server asks for it (407, Proxy-Authenticate, Proxy-Authorization): one realm, MD5
 * with qop=auth, nonces from one {@link NonceService}.
 */
public final class DigestChallenge {

  /** Which of the two exchanges. */
  public enum Kind {
    REGISTRAR(Response.UNAUTHORIZED, AuthorizationHeader.NAME),
    PROXY(Response.PROXY_AUTHENTICATION_REQUIRED, ProxyAuthorizationHeader.NAME);

    private final int status;
    private final String credentialsHeader;

    Kind(int status, String credentialsHeader) {
      this.status = status;
      this.credentialsHeader = credentialsHeader;
    }
  }

  private final Kind kind;
  private final String realm;
  private final NonceService nonces;

  public DigestChallenge(Kind kind, String realm, NonceService nonces) {
    this.kind = kind;
    this.realm = realm;
    this.nonces = nonces;
  }

  /** Answers 401 or 407 with a fresh nonce; {@code stale} when the client's nonce only expired. */
  public void challenge(SipRequest request, boolean stale) {
    request.respond(
        kind.status,
        response -> {
          try {
            WWWAuthenticateHeader header =
                kind == Kind.PROXY
                    ? request.headerFactory().createProxyAuthenticateHeader("Digest")
                    : request.headerFactory().createWWWAuthenticateHeader("Digest");
            header.setRealm(realm);
            header.setNonce(nonces.issue());
            header.setAlgorithm("MD5");
            header.setQop("auth");
            if (stale) {
              header.setStale(true);
            }
            response.addHeader(header);
          } catch (ParseException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * The Digest credentials for our realm, or {@code null}: credentials of another scheme or for
   * another realm are not a wrong password but no answer to our challenge yet, so they get one (RFC
   * 3261 section 22.4, RFC 4475 regaut01).
   */
  public AuthorizationHeader credentials(Request message) {
    ListIterator<?> it = message.getHeaders(kind.credentialsHeader);
    while (it.hasNext()) {
      AuthorizationHeader candidate = (AuthorizationHeader) it.next();
      if ("Digest".equalsIgnoreCase(candidate.getScheme()) && realm.equals(candidate.getRealm())) {
        return candidate;
      }
    }
    return null;
  }

  public static DigestResponse digestOf(AuthorizationHeader h) {
    // uri and nc enter the hash exactly as the client wrote them, so take the raw parameters.
    return new DigestResponse(
        h.getScheme(),
        h.getUsername(),
        h.getRealm(),
        h.getNonce(),
        h.getParameter("uri"),
        h.getResponse(),
        h.getAlgorithm(),
        h.getQop(),
        h.getParameter("nc"),
        h.getCNonce());
  }
}
