package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TotpTest {

  /** RFC 6238 appendix B, SHA-1 seed "12345678901234567890", truncated to six digits. */
  @Test
  void matchesTheRfc6238Vectors() {
    String seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    assertEquals("287082", Totp.code(seed, 59));
    assertEquals("081804", Totp.code(seed, 1111111109));
    assertEquals("050471", Totp.code(seed, 1111111111));
  }
}
