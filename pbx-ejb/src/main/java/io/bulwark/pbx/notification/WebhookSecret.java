package io.bulwark.pbx.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a webhook's receiver checks each call with: {@code X-Bulwark-Signature} is {@code
 * sha256=} the hex HMAC-SHA256 of {@code X-Bulwark-Timestamp}, a dot and the body, so a receiver
 * can refuse both a forged body and an old one replayed.
 */
public record WebhookSecret(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();

  static WebhookSecret generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new WebhookSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The {@code X-Bulwark-Signature} value for a body sent at {@code epochSecond}. */
  public String signature(long epochSecond, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signed = mac.doFinal((epochSecond + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(signed);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSecret[...]";
  }
}
