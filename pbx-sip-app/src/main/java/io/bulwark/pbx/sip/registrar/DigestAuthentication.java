package io.bulwark.pbx.sip.registrar;

import io.bulwark.pbx.activity.SipActivity;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityEvent;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.sip.SipRequest;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sip.header.AuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The one door every request from an extension passes: challenged without credentials or with a
 * stale nonce, refused with 403 and a security event for a wrong password, an unknown user or a
 * replay (one answer for all, so a scanner learns nothing), refused the same way when the device
 * breaks a rule of the extension's {@link io.bulwark.pbx.extension.RegistrationGuard} (checked only
 * after the password, so that the rules of an extension tell a scanner nothing either), let through
 * with the extension's credentials otherwise. The registrar uses the 401 exchange, calls the 407
 * one; both share one realm, one nonce service and one replay memory.
 */
public final class DigestAuthentication {

  private final DigestVerifier verifier;
  private final DigestChallenge registrar;
  private final DigestChallenge proxy;
  private final Function<String, Optional<SipCredentials>> credentials;
  private final BiConsumer<SecurityEvent, String> refusals;
  private final BiConsumer<SipRequest, String> failures;
  private final Predicate<InetAddress> localNetworks;
  private final SipActivity activity;
  private final Clock clock;

  /**
   * @param credentials the credentials of a registration name
   * @param refusals takes each refusal and its reason; must not block
   * @param failures told of each failed authentication and the name it tried, for the lockout; must
   *     not block
   * @param localNetworks tells the addresses of the local networks, where devices of extensions
   *     that do not allow remote registration may be
   */
  public DigestAuthentication(
      DigestVerifier verifier,
      NonceService nonces,
      Function<String, Optional<SipCredentials>> credentials,
      BiConsumer<SecurityEvent, String> refusals,
      BiConsumer<SipRequest, String> failures,
      Predicate<InetAddress> localNetworks,
      SipActivity activity,
      Clock clock) {
    this.verifier = verifier;
    this.registrar = new DigestChallenge(DigestChallenge.Kind.REGISTRAR, verifier.realm(), nonces);
    this.proxy = new DigestChallenge(DigestChallenge.Kind.PROXY, verifier.realm(), nonces);
    this.credentials = credentials;
    this.refusals = refusals;
    this.failures = failures;
    this.localNetworks = localNetworks;
    this.activity = activity;
    this.clock = clock;
  }

  /**
   * The credentials {@code request} proves, or empty once it has been answered (challenged or
   * refused as {@code refusal}). {@code fingerprint} tells a retransmission of this request from a
   * replay in another ({@link RequestFingerprint}).
   */
  public Optional<SipCredentials> authenticate(
      SipRequest request, DigestChallenge.Kind kind, EventType refusal, int fingerprint) {
    DigestChallenge challenges = kind == DigestChallenge.Kind.PROXY ? proxy : registrar;
    Request message = request.message();
    AuthorizationHeader authorization = challenges.credentials(message);
    if (authorization == null) {
      challenges.challenge(request, false);
      return Optional.empty();
    }
    DigestVerifier.Result result =
        verifier.verify(
            DigestChallenge.digestOf(authorization),
            new DigestVerifier.Request(
                message.getMethod(), message.getRequestURI().toString(), fingerprint),
            credentials);
    switch (result.verdict()) {
      case STALE -> challenges.challenge(request, true);
      case REJECTED -> refuse(request, refusal, authorization.getUsername(), result.reason());
      case AUTHENTICATED -> {
        SipCredentials caller = result.credentials();
        Optional<String> breach =
            caller
                .guard()
                .refusal(request.source(), request.userAgent(), request.transport(), localNetworks);
        if (breach.isEmpty()) {
          return Optional.of(caller);
        }
        refuse(request, refusal, caller.registrationName(), breach.get());
      }
    }
    return Optional.empty();
  }

  /**
   * Answers 403, counts a failed authentication and reports the refusal as an event. The answer
   * goes first: the lockout this failure may trigger then keeps out only what follows.
   */
  public void refuse(SipRequest request, EventType type, String username, String reason) {
    activity.authenticationFailed();
    refusals.accept(
        new SecurityEvent(
            clock.instant(),
            type,
            request.sourceAddress(),
            username,
            "reject",
            reason + " (" + request.transport() + ")"),
        reason);
    request.respond(Response.FORBIDDEN);
    failures.accept(request, username);
  }
}
