/**
 * The SIP registrar (RFC 3261 section 10) with digest authentication (RFC 2617, MD5, qop=auth).
 *
 * <p>{@link io.bulwark.pbx.sip.registrar.NonceService} issues nonces that carry their own issue
 * time and an HMAC, so they need no storage until used; {@link
 * io.bulwark.pbx.sip.registrar.DigestVerifier} checks a response and remembers the highest nonce
 * count per nonce so a captured request cannot be replayed. {@link
 * io.bulwark.pbx.sip.registrar.Registrar} turns the outcome into SIP answers, the same 403 for an
 * unknown user and a wrong password.
 */
package io.bulwark.pbx.sip.registrar;
