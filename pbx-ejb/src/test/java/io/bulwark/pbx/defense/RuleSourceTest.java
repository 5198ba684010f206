package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuleSourceTest {

  @Test
  void anAddressOrNetworkIsANetworkInItsShortForm() {
    assertEquals(
        new RuleSource.Network(CidrBlock.parse("192.168.1.0/24")),
        RuleSource.parse(" 192.168.1.5/24 "));
    assertEquals("2001:db8::/32", RuleSource.parse("2001:0DB8:0:0::/32").text());
  }

  @Test
  void aDomainNameIsKeptInLowerCaseWithoutItsRootDot() {
    assertEquals(new RuleSource.HostName("sip.example.com"), RuleSource.parse("SIP.Example.com."));
  }

  @Test
  void aMacAddressIsKeptInLowerCaseWithColons() {
    assertEquals(
        new RuleSource.MacAddress("00:1a:2b:3c:4d:5e"), RuleSource.parse("00-1A-2B-3C-4D-5E"));
  }

  @Test
  void digitsAloneAreNeitherANameNorAnAddress() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> RuleSource.parse("10.1.1.300"));
    assertTrue(refused.getMessage().contains("domain name"), refused.getMessage());
  }

  @Test
  void aNameLongerThanADomainNameCanBeIsRefused() {
    String label = "a".repeat(63);
    String tooLong = String.join(".", label, label, label, label); // 255 characters
    assertThrows(IllegalArgumentException.class, () -> RuleSource.parse(tooLong));
    assertEquals(
        RuleSource.HostName.class, RuleSource.parse(tooLong.substring(2)).getClass()); // 253
  }
}
