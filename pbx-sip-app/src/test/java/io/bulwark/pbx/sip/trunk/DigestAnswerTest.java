package io.bulwark.pbx.sip.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DigestAnswerTest {

  @Test
  void withoutQopTheResponseIsTheRfc2069Form() {
    DigestAnswer answer =
        DigestAnswer.of(
            "REGISTER",
            "sip:provider.test",
            "bob",
            "zanzibar",
            "biloxi.com",
            "n0nce",
            null,
            null,
            1);
    String ha1 = DigestAnswer.hex("MD5", "bob:biloxi.com:zanzibar");
    String ha2 = DigestAnswer.hex("MD5", "REGISTER:sip:provider.test");
    assertEquals(DigestAnswer.hex("MD5", ha1 + ":n0nce:" + ha2), answer.response());
    assertNull(answer.qop());
    assertNull(answer.cnonce());
  }

  @Test
  void withQopAuthTheClientNonceAndCountEnterTheResponse() {
    DigestAnswer answer =
        DigestAnswer.of(
            "INVITE",
            "sip:4930@provider.test",
            "bob",
            "zanzibar",
            "biloxi.com",
            "n0nce",
            "MD5",
            "auth-int, auth",
            3);
    String ha1 = DigestAnswer.hex("MD5", "bob:biloxi.com:zanzibar");
    String ha2 = DigestAnswer.hex("MD5", "INVITE:sip:4930@provider.test");
    assertEquals("auth", answer.qop());
    assertEquals(
        DigestAnswer.hex("MD5", ha1 + ":n0nce:00000003:" + answer.cnonce() + ":auth:" + ha2),
        answer.response());
  }

  /** The worked example of RFC 2617 section 3.5, with its client nonce fixed. */
  @Test
  void theRfc2617ExampleGivesItsPublishedResponse() {
    String ha1 = DigestAnswer.hex("MD5", "Mufasa:testrealm@host.com:Circle Of Life");
    String ha2 = DigestAnswer.hex("MD5", "GET:/dir/index.html");
    assertEquals(
        "6629fae49393a05397450978507c4ef1",
        DigestAnswer.hex(
            "MD5", ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:" + ha2));
  }

  @Test
  void sha256IsAnsweredWithSha256() {
    DigestAnswer answer =
        DigestAnswer.of("REGISTER", "sip:p", "u", "pw", "r", "n", "SHA-256", "auth", 1);
    assertEquals(64, answer.response().length());
    assertEquals("SHA-256", answer.algorithm());
  }

  @Test
  void unknownAlgorithmsAndAuthIntOnlyAreNotAnswered() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DigestAnswer.of("REGISTER", "sip:p", "u", "pw", "r", "n", "MD5-sess", "auth", 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> DigestAnswer.of("REGISTER", "sip:p", "u", "pw", "r", "n", "MD5", "auth-int", 1));
  }

  @Test
  void eachAnswerHasItsOwnClientNonce() {
    assertNotEquals(
        DigestAnswer.of("REGISTER", "sip:p", "u", "pw", "r", "n", null, "auth", 1).cnonce(),
        DigestAnswer.of("REGISTER", "sip:p", "u", "pw", "r", "n", null, "auth", 1).cnonce());
  }
}
