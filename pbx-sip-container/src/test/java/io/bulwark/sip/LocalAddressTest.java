package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalAddressTest {

  @Test
  void aBoundAddressIsItselfAndTheWildcardBecomesTheAddressFacingTheDestination() {
    assertEquals("192.0.2.7", LocalAddress.towards("192.0.2.7", "127.0.0.1"));
    assertEquals("127.0.0.1", LocalAddress.towards("0.0.0.0", "127.0.0.1"));
    assertEquals("127.0.0.1", LocalAddress.towards("0.0.0.0", "127.0.0.1"), "remembered");
  }
}
