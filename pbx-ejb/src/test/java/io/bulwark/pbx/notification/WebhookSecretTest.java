package io.bulwark.pbx.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

  @Test
  void theSignatureIsTheHmacOfTimestampDotBody() {
    // Computed independently: printf '1764583200.{"a":1}' | openssl dgst -sha256 -hmac key
    assertEquals(
        "sha256=1a51e7a29bd0e0945c1a308397d8f0bdb820b272618efaf1557b69884516aefd",
        new WebhookSecret("key").signature(1764583200L, "{\"a\":1}"));
  }

  @Test
  void anotherTimeOrAnotherBodySignsDifferently() {
    WebhookSecret secret = new WebhookSecret("key");

    assertNotEquals(secret.signature(1, "{}"), secret.signature(2, "{}"));
    assertNotEquals(secret.signature(1, "{}"), secret.signature(1, "{ }"));
  }

  @Test
  void generatedSecretsAre256BitsAndDiffer() {
    assertEquals(43, WebhookSecret.generate().value().length());
    assertNotEquals(WebhookSecret.generate(), WebhookSecret.generate());
  }
}
