package io.bulwark.pbx.sip.trunk;

import java.text.ParseException;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;

/**
 * A provider's 401 or 407 and Bulwark's answer to it: the Authorization (or Proxy-Authorization)
 * header a request sent again carries.
 */
public record ProviderChallenge(WWWAuthenticateHeader header, boolean proxy) {

  /** The challenge in {@code response}, or null when it is no 401 or 407 or carries none. */
  public static ProviderChallenge of(Response response) {
    int status = response.getStatusCode();
    if (status == Response.UNAUTHORIZED
        && response.getHeader(WWWAuthenticateHeader.NAME) instanceof WWWAuthenticateHeader h) {
      return new ProviderChallenge(h, false);
    }
    if (status == Response.PROXY_AUTHENTICATION_REQUIRED
        && response.getHeader(ProxyAuthenticateHeader.NAME) instanceof ProxyAuthenticateHeader h) {
      return new ProviderChallenge(h, true);
    }
    return null;
  }

  public String nonce() {
    return header.getNonce();
  }

  /** RFC 2617: a stale nonce is answered again, the password was right. */
  public boolean stale() {
    return "true".equalsIgnoreCase(header.getParameter("stale"));
  }

  /**
   * The credentials for {@code method} to {@code uri}.
   *
   * @throws IllegalArgumentException when the challenge asks for what Bulwark does not answer
   */
  public AuthorizationHeader answer(
      String method, URI uri, String authName, String password, HeaderFactory headers)
      throws ParseException {
    DigestAnswer answer =
        DigestAnswer.of(
            method,
            uri.toString(),
            authName,
            password,
            header.getRealm(),
            header.getNonce(),
            header.getAlgorithm(),
            header.getQop(),
            1);
    AuthorizationHeader h =
        proxy
            ? headers.createProxyAuthorizationHeader("Digest")
            : headers.createAuthorizationHeader("Digest");
    h.setUsername(answer.username());
    h.setRealm(answer.realm());
    h.setNonce(answer.nonce());
    h.setURI(uri);
    h.setResponse(answer.response());
    h.setAlgorithm(answer.algorithm());
    if (header.getOpaque() != null) {
      h.setOpaque(header.getOpaque());
    }
    if (answer.qop() != null) {
      h.setQop(answer.qop());
      h.setCNonce(answer.cnonce());
      h.setNonceCount(answer.nonceCount());
    }
    return h;
  }
}
