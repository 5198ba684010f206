package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressSetTest {

  @Test
  void aSingleAddressContainsOnlyItself() {
    AddressSet set = set("203.0.113.7");

    assertTrue(set.contains(ip("203.0.113.7")));
    assertFalse(set.contains(ip("203.0.113.6")));
    assertFalse(set.contains(ip("203.0.113.8")));
    assertFalse(set.contains(ip("7.113.0.203")));
    assertEquals(1, set.entries());
  }

  @Test
  void aSlash32IsASingleAddress() {
    AddressSet set = set("198.51.100.9/32");

    assertTrue(set.contains(ip("198.51.100.9")));
    assertFalse(set.contains(ip("198.51.100.8")));
    assertFalse(set.contains(ip("198.51.100.10")));
  }

  @Test
  void aSlash24ContainsItsFirstAndLastAddressAndNothingJustOutside() {
    AddressSet set = set("198.51.100.0/24");

    assertTrue(set.contains(ip("198.51.100.0")));
    assertTrue(set.contains(ip("198.51.100.128")));
    assertTrue(set.contains(ip("198.51.100.255")));
    assertFalse(set.contains(ip("198.51.99.255")));
    assertFalse(set.contains(ip("198.51.101.0")));
  }

  @Test
  void aSlash8ContainsItsFirstAndLastAddressAndNothingJustOutside() {
    AddressSet set = set("10.0.0.0/8");

    assertTrue(set.contains(ip("10.0.0.0")));
    assertTrue(set.contains(ip("10.200.3.4")));
    assertTrue(set.contains(ip("10.255.255.255")));
    assertFalse(set.contains(ip("9.255.255.255")));
    assertFalse(set.contains(ip("11.0.0.0")));
  }

  @Test
  void hostBitsGivenWithAPrefixAreIgnored() {
    AddressSet set = set("192.0.2.77/24");

    assertTrue(set.contains(ip("192.0.2.0")));
    assertTrue(set.contains(ip("192.0.2.255")));
    assertFalse(set.contains(ip("192.0.3.0")));
  }

  @Test
  void slash0ContainsEveryIpv4AddressButNoIpv6One() {
    AddressSet set = set("0.0.0.0/0");

    assertTrue(set.contains(ip("0.0.0.0")));
    assertTrue(set.contains(ip("127.0.0.1")));
    assertTrue(set.contains(ip("128.0.0.0")));
    assertTrue(set.contains(ip("255.255.255.255")));
    assertFalse(set.contains(ip("2001:db8::1")));
    assertFalse(set.contains(ip("::")));
  }

  @Test
  void theEndsOfTheIpv4SpaceAreFound() {
    AddressSet set = set("0.0.0.0", "255.255.255.255");

    assertTrue(set.contains(ip("0.0.0.0")));
    assertTrue(set.contains(ip("255.255.255.255")));
    assertFalse(set.contains(ip("0.0.0.1")));
    assertFalse(set.contains(ip("255.255.255.254")));
    assertFalse(set.contains(ip("128.0.0.0")));
  }

  @Test
  void addressesBetweenSeparateNetworksAreNotContained() {
    AddressSet set = set("10.0.0.0/24", "10.0.2.0/24", "192.0.2.1");

    assertTrue(set.contains(ip("10.0.0.255")));
    assertFalse(set.contains(ip("10.0.1.0")));
    assertFalse(set.contains(ip("10.0.1.255")));
    assertTrue(set.contains(ip("10.0.2.0")));
    assertTrue(set.contains(ip("10.0.2.255")));
    assertFalse(set.contains(ip("10.0.3.0")));
    assertFalse(set.contains(ip("192.0.2.0")));
    assertTrue(set.contains(ip("192.0.2.1")));
    assertFalse(set.contains(ip("192.0.2.2")));
    assertFalse(set.contains(ip("9.255.255.255")));
  }

  @Test
  void overlappingEntriesAreMergedAndStillCounted() {
    AddressSet set = set("10.0.0.0/16", "10.0.5.0/24", "10.0.200.7", "10.0.255.0/24", "10.0.0.0/8");

    assertEquals(5, set.entries());
    assertTrue(set.contains(ip("10.0.5.1")));
    assertTrue(set.contains(ip("10.1.0.0")), "the /8 is not lost in the merge");
    assertTrue(set.contains(ip("10.255.255.255")));
    assertFalse(set.contains(ip("11.0.0.0")));
    assertFalse(set.contains(ip("9.255.255.255")));
  }

  @Test
  void aNetworkInsideAnEarlierLargerOneDoesNotShortenIt() {
    AddressSet set = set("10.0.0.0/8", "10.1.0.0/16", "10.2.3.4");

    assertTrue(set.contains(ip("10.1.255.255")));
    assertTrue(set.contains(ip("10.2.3.5")));
    assertTrue(set.contains(ip("10.200.0.0")));
    assertTrue(set.contains(ip("10.255.255.255")));
  }

  @Test
  void adjacentEntriesAreMergedAndStillCounted() {
    AddressSet set = set("192.0.2.0/25", "192.0.2.128/25", "192.0.3.0", "192.0.3.1");

    assertEquals(4, set.entries());
    assertTrue(set.contains(ip("192.0.2.127")));
    assertTrue(set.contains(ip("192.0.2.128")));
    assertTrue(set.contains(ip("192.0.2.255")));
    assertTrue(set.contains(ip("192.0.3.0")));
    assertTrue(set.contains(ip("192.0.3.1")));
    assertFalse(set.contains(ip("192.0.3.2")));
    assertFalse(set.contains(ip("192.0.1.255")));
  }

  @Test
  void duplicateEntriesAreCountedEachTime() {
    AddressSet set = set("203.0.113.7", "203.0.113.7", "203.0.113.7/32");

    assertEquals(3, set.entries());
    assertTrue(set.contains(ip("203.0.113.7")));
    assertFalse(set.contains(ip("203.0.113.8")));
  }

  @Test
  void theOrderOfTheEntriesDoesNotMatter() {
    List<String> entries =
        List.of(
            "203.0.113.0/24",
            "10.0.0.0/8",
            "198.51.100.7",
            "2001:db8::/32",
            "172.16.0.0/12",
            "1.1.1.1",
            "192.0.2.128/25");
    List<String> probes =
        List.of(
            "203.0.113.255",
            "203.0.114.0",
            "10.9.9.9",
            "11.0.0.0",
            "198.51.100.7",
            "198.51.100.6",
            "172.31.255.255",
            "172.32.0.0",
            "1.1.1.1",
            "1.1.1.2",
            "192.0.2.127",
            "192.0.2.128",
            "2001:db8::9",
            "2001:db9::");
    List<Boolean> expected =
        List.of(
            true, false, true, false, true, false, true, false, true, false, false, true, true,
            false);
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      List<String> shuffled = new ArrayList<>(entries);
      Collections.shuffle(shuffled, random);
      AddressSet set = set(shuffled.toArray(String[]::new));
      assertEquals(
          expected,
          probes.stream().map(p -> set.contains(ip(p))).toList(),
          "entries in the order " + shuffled);
    }
  }

  @Test
  void ipv6NetworksAndAddressesAreContained() {
    AddressSet set = set("2001:db8::/32", "2001:db9::7", "fe80::/10");

    assertTrue(set.contains(ip("2001:db8::")));
    assertTrue(set.contains(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")));
    assertFalse(set.contains(ip("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff")));
    assertTrue(set.contains(ip("2001:db9::7")));
    assertFalse(set.contains(ip("2001:db9::8")));
    assertTrue(set.contains(ip("febf::1")));
    assertFalse(set.contains(ip("fec0::1")));
    assertEquals(3, set.entries());
  }

  @Test
  void anIpv4AddressNeverMatchesAnIpv6Entry() {
    AddressSet set = set("::/0", "::a00:1", "2001:db8::/32");

    assertTrue(set.contains(ip("2001:db8::1")));
    assertTrue(set.contains(ip("::a00:1")));
    assertFalse(set.contains(ip("10.0.0.1")));
    assertFalse(set.contains(ip("0.0.0.0")));
    assertFalse(set.contains(ip("32.1.13.184")));
  }

  @Test
  void ipv4AndIpv6EntriesLiveSideBySide() {
    AddressSet set = set("2001:db8::/32", "203.0.113.0/24");

    assertTrue(set.contains(ip("203.0.113.1")));
    assertTrue(set.contains(ip("2001:db8::1")));
    assertFalse(set.contains(ip("198.51.100.1")));
    assertFalse(set.contains(ip("2001:db9::1")));
    assertEquals(2, set.entries());
  }

  @Test
  void anIpv4MappedIpv6AddressIsItsIpv4One() {
    AddressSet set = set("::ffff:203.0.113.7");

    assertTrue(set.contains(ip("203.0.113.7")));
    assertTrue(set.contains(ip("::ffff:203.0.113.7")));
    assertFalse(set.contains(ip("203.0.113.8")));
  }

  @Test
  void theEmptySetContainsNothing() {
    assertEquals(0, AddressSet.EMPTY.entries());
    for (String address :
        List.of("0.0.0.0", "10.0.0.1", "255.255.255.255", "::", "2001:db8::1", "::1")) {
      assertFalse(AddressSet.EMPTY.contains(ip(address)), address);
    }
    assertFalse(AddressSet.of(List.of()).contains(ip("10.0.0.1")));
    assertEquals(0, AddressSet.of(List.of()).entries());
  }

  @Test
  void aHundredThousandAddressesAreAllFoundAndNoOthers() {
    Random random = new Random(7);
    boolean[] listed = new boolean[1 << 20];
    List<CidrBlock> blocks = new ArrayList<>();
    while (blocks.size() < 100_000) {
      int host = random.nextInt(1 << 20);
      if (!listed[host]) {
        listed[host] = true;
        blocks.add(CidrBlock.of(tenNet(host)));
      }
    }

    AddressSet set = AddressSet.of(blocks);

    assertEquals(100_000, set.entries());
    int found = 0;
    for (int host = 0; host < listed.length; host++) {
      boolean contained = set.contains(tenNet(host));
      if (contained != listed[host]) {
        throw new AssertionError(
            tenNet(host).getHostAddress() + (listed[host] ? " is listed" : " is not listed"));
      }
      if (contained) {
        found++;
      }
    }
    assertEquals(100_000, found);
    assertFalse(set.contains(ip("9.255.255.255")));
    assertFalse(set.contains(ip("10.16.0.0")));
    assertFalse(set.contains(ip("11.0.0.0")));
  }

  private static InetAddress tenNet(int host) {
    try {
      return InetAddress.getByAddress(
          new byte[] {10, (byte) (host >>> 16), (byte) (host >>> 8), (byte) host});
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static AddressSet set(String... blocks) {
    return AddressSet.of(Arrays.stream(blocks).map(CidrBlock::parse).toList());
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
