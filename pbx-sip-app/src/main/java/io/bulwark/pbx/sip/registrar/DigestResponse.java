package io.bulwark.pbx.sip.registrar;

/**
 * The fields of a client's {@code Authorization: Digest ...} header that the verifier uses.
 *
 * @param nc the nonce count as sent (8 hex digits), or {@code null}
 */
public record DigestResponse(
    String scheme,
    String username,
    String realm,
    String nonce,
    String uri,
    String response,
    String algorithm,
    String qop,
    String nc,
    String cnonce) {}
