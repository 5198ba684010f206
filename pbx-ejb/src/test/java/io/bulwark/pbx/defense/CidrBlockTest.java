package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

  @Test
  void aNetworkContainsItsAddressesAndNoOthers() throws Exception {
    CidrBlock lan = CidrBlock.parse("192.168.0.0/16");
    assertTrue(lan.contains(InetAddress.getByName("192.168.0.1")));
    assertTrue(lan.contains(InetAddress.getByName("192.168.255.255")));
    assertFalse(lan.contains(InetAddress.getByName("192.169.0.1")));
    assertFalse(lan.contains(InetAddress.getByName("::ffff:c0a9:1")));
    assertFalse(lan.contains(InetAddress.getByName("2001:db8::1")));
  }

  @Test
  void prefixesThatDoNotEndOnAByteBoundaryCompareTheRemainingBits() throws Exception {
    CidrBlock block = CidrBlock.parse("172.16.0.0/12");
    assertTrue(block.contains(InetAddress.getByName("172.31.255.254")));
    assertFalse(block.contains(InetAddress.getByName("172.32.0.1")));
    assertTrue(CidrBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")));
  }

  @Test
  void hostBitsAreClearedAndASingleAddressPrintsBare() {
    assertEquals("192.168.1.0/24", CidrBlock.parse(" 192.168.1.5/24 ").toString());
    assertEquals("203.0.113.7", CidrBlock.parse("203.0.113.7").toString());
    assertEquals("203.0.113.7", CidrBlock.parse("203.0.113.7/32").toString());
    assertEquals(CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("10.9.9.9/8"));
    assertTrue(CidrBlock.parse("203.0.113.7").isSingleAddress());
  }

  @Test
  void ipv6BlocksWork() throws Exception {
    CidrBlock block = CidrBlock.parse("2001:db8::/32");
    assertTrue(block.contains(InetAddress.getByName("2001:db8:ffff::1")));
    assertFalse(block.contains(InetAddress.getByName("2001:db9::1")));
    assertEquals("2001:db8::/32", block.toString());
    assertFalse(block.isIpv4());
    assertTrue(CidrBlock.parse("::ffff:10.1.2.3").isIpv4(), "a mapped address is its IPv4 one");
    assertEquals("::1", CidrBlock.parse("0:0:0:0:0:0:0:1").toString());
    assertEquals("::", CidrBlock.parse("::/0").toString().replace("/0", ""));
    assertEquals("fe80::/10", CidrBlock.parse("FE80::1/10").toString());
    assertEquals("2001:db8::1:0:0:1", CidrBlock.parse("2001:db8:0:0:1:0:0:1").toString());
    assertEquals("2001:db8:0:1:1:1:1:1", CidrBlock.parse("2001:db8::1:1:1:1:1").toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "pbx.example.com",
        "localhost",
        "256.1.1.1",
        "1.2.3",
        "01.2.3.4",
        "1.2.3.4/33",
        "1.2.3.4/-1",
        "1.2.3.4/x",
        "2001:db8::/129",
        "2001:db8:::1",
        "1.2.3.4 5"
      })
  void anythingButALiteralAddressIsRefusedWithAReason(String text) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse(text));
    assertFalse(refused.getMessage().isBlank());
  }
}
