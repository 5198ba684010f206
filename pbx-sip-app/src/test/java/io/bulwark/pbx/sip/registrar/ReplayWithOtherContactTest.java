package io.bulwark.pbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.extension.RegistrationGuard;
import io.bulwark.pbx.extension.SipCredentials;
import io.bulwark.pbx.location.ConcurrentMapLocationStore;
import io.bulwark.pbx.location.Locations;
import io.bulwark.pbx.location.RegisterRequest;
import io.bulwark.pbx.location.RegistrationPolicy;
import io.bulwark.pbx.location.RegistrationRules;
import io.bulwark.pbx.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Composes DigestVerifier, RequestFingerprint and Locations as Registrar.handle does (Registrar
 * itself needs a SipRequest, whose constructor is package-private in pbx-sip-container).
 *
 * <p>qop=auth covers method and digest uri only, so a captured REGISTER replayed within the nonce
 * lifetime with another Contact must be told from a retransmission by the fingerprint of the whole
 * request, or it would bind the attacker's contact.
 */
class ReplayWithOtherContactTest {
  @Test
  void capturedRegisterReplayedWithAnotherContactMustNotBind() {
    MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    NonceService nonces = new NonceService(clock, Duration.ofSeconds(300));
    DigestVerifier verifier = new DigestVerifier(nonces, "bulwark");
    String ha1 = SipCredentials.md5Hex("alice:bulwark:pw");
    SipCredentials alice = new SipCredentials("1001", "alice", ha1, RegistrationGuard.DEFAULT);
    Locations locations =
        new Locations(
            new ConcurrentMapLocationStore(),
            new RegistrationRules(RegistrationPolicy.STANDARD),
            clock);
    String nonce = nonces.issue();
    String uri = "sip:pbx.example.com";
    String response =
        SipCredentials.md5Hex(
            ha1 + ":" + nonce + ":00000001:abc:auth:" + SipCredentials.md5Hex("REGISTER:" + uri));
    DigestResponse auth =
        new DigestResponse(
            "Digest", "alice", "bulwark", nonce, uri, response, "MD5", "auth", "00000001", "abc");
    RequestFingerprint fingerprints = new RequestFingerprint();

    List<String> answered = new java.util.ArrayList<>();
    for (String contact :
        List.of("sip:1001@192.0.2.10", "sip:1001@192.0.2.10", "sip:1001@203.0.113.66")) {
      // The first request, its retransmission, then an attacker's copy with only Contact changed.
      RegisterRequest register =
          new RegisterRequest(
              "1001",
              List.of(new RegisterRequest.ContactExpiry(contact, 3600)),
              false,
              null,
              "call-1",
              2,
              "192.0.2.10",
              5060,
              "UDP",
              null);
      var verdict =
          verifier.verify(
              auth,
              new DigestVerifier.Request("REGISTER", uri, fingerprints.of(register)),
              n -> Optional.of(alice));
      answered.add(verdict.verdict().name());
      if (verdict.verdict() == DigestVerifier.Verdict.AUTHENTICATED) {
        locations.register(register, 1);
      }
    }
    assertEquals(List.of("AUTHENTICATED", "AUTHENTICATED", "REJECTED"), answered);
    assertEquals(
        List.of("sip:1001@192.0.2.10"),
        locations.bindings("1001").stream().map(b -> b.contactUri()).toList());
  }
}
