package io.bulwark.pbx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SipCredentialsTest {

  @Test
  void md5HexMatchesRfc2617Example() {
    assertEquals(
        "939e7578ed9e3c518a452acee763bce9",
        SipCredentials.md5Hex("Mufasa:testrealm@host.com:Circle Of Life"));
  }

  @Test
  void md5HexOfEmptyStringIsWellKnownValue() {
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", SipCredentials.md5Hex(""));
  }

  @Test
  void md5HexHashesUtf8Bytes() {
    // MD5 of C3 A9, the UTF-8 form of U+00E9; Latin-1 would give 3406877694691ddd1dfb0aca54681407.
    assertEquals("66ddcd97cfdeabb2f6fb8a999b4bc76f", SipCredentials.md5Hex("\u00e9"));
  }

  @Test
  void ofComputesHa1FromRegistrationNameRealmAndSecret() {
    Extension mufasa =
        new Extension(
            new ExtensionDraft("201", "Mufasa", "Mufasa", "Circle0fLife", null), "v1:ignored");

    SipCredentials credentials = SipCredentials.of(mufasa, "testrealm@host.com", "Circle Of Life");

    assertEquals("201", credentials.extensionNumber());
    assertEquals("Mufasa", credentials.registrationName());
    assertEquals("939e7578ed9e3c518a452acee763bce9", credentials.ha1());
  }

  @Test
  void toStringDoesNotRevealHa1() {
    SipCredentials credentials =
        new SipCredentials(
            "201", "Mufasa", "939e7578ed9e3c518a452acee763bce9", RegistrationGuard.DEFAULT);

    assertEquals("SipCredentials[201/Mufasa]", credentials.toString());
    assertFalse(credentials.toString().contains("939e7578"));
  }
}
