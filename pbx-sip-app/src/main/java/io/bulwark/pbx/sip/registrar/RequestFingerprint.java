package io.bulwark.pbx.sip.registrar;

import io.bulwark.pbx.location.RegisterRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Tells a retransmission of an authenticated REGISTER from a replay. Bulwark answers REGISTER
 * without a server transaction, so a retransmission reaches the digest check again with a nonce
 * count already used. It is accepted only if everything the REGISTER would change is the same:
 * Call-ID, CSeq, contacts, expiries, source and user agent.
 *
 * <p>Why a keyed MAC and not {@code hashCode()}: qop=auth does not sign Contact or Expires, so an
 * attacker holding a captured request could otherwise craft a copy with another Contact and the
 * same fingerprint. Without the key, each guess is one request with a 1 in 2^32 chance.
 */
public final class RequestFingerprint {

  private final SecretHmac hmac;

  public RequestFingerprint() {
    this.hmac = new SecretHmac();
  }

  public int of(RegisterRequest request) {
    StringBuilder canonical = new StringBuilder(256);
    canonical
        .append(request.extensionNumber())
        .append('\n')
        .append(request.callId())
        .append('\n')
        .append(request.cseq())
        .append('\n')
        .append(request.wildcard())
        .append('\n')
        .append(request.requestExpires())
        .append('\n');
    for (RegisterRequest.ContactExpiry contact : request.contacts()) {
      canonical.append(contact.uri()).append(';').append(contact.expires()).append('\n');
    }
    canonical
        .append(request.sourceAddress())
        .append(':')
        .append(request.sourcePort())
        .append('/')
        .append(request.transport())
        .append('\n')
        .append(request.userAgent());
    byte[] mac = hmac.mac().doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(mac).getInt();
  }
}
