package io.bulwark.pbx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicAddressTest {

  @Test
  void theAddressFollowsThePortalFromTheLaunchersPort() {
    assertEquals(
        "https://pbx.example.org:9443",
        PublicAddress.following("https://pbx.example.org:8443", 8443, 9443));
    assertEquals(
        "https://pbx.example.org:9443/pbx",
        PublicAddress.following("https://pbx.example.org:8443/pbx", 8443, 9443));
    assertEquals(
        "https://pbx.example.org",
        PublicAddress.following("https://pbx.example.org:8443", 8443, 443));
    assertEquals(
        "https://pbx.example.org:8443",
        PublicAddress.following("https://pbx.example.org", 443, 8443));
  }

  @Test
  void anAddressOfAnotherPortStays() {
    // A reverse proxy in front: the address is the proxy's, whatever port Bulwark moves to.
    assertEquals(
        "https://pbx.example.org", PublicAddress.following("https://pbx.example.org", 8443, 9443));
    assertEquals(
        "https://pbx.example.org:8443",
        PublicAddress.following("https://pbx.example.org:8443", 8443, 8443));
  }
}
