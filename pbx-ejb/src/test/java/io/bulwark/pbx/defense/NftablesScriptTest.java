package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NftablesScriptTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  private static Block block(String source, Instant until) {
    return new Block(1, CidrBlock.parse(source), DefenseType.MANUAL, "test", NOW, until);
  }

  @Test
  void theTableIsMadeAfreshWithBlocksFirstThenTheRulesInOrder() {
    String script =
        NftablesScript.table(
            List.of(
                new FirewallRule(
                    "LAN",
                    CidrBlock.parse("192.168.0.0/16"),
                    Protocol.BOTH,
                    PortRange.ALL,
                    RuleAction.ACCEPT),
                new FirewallRule(
                    "no \"web\"",
                    CidrBlock.parse("2001:db8::/32"),
                    Protocol.TCP,
                    new PortRange(80, 443),
                    RuleAction.DROP)),
            List.of(),
            60,
            KernelAccess.NONE);

    List<String> lines = script.lines().map(String::strip).toList();
    assertEquals("table inet bulwark {}", lines.get(0));
    assertEquals("delete table inet bulwark", lines.get(1));
    int blocked = lines.indexOf("ip saddr @blocked4 counter drop comment \"blocked\"");
    int lan = lines.indexOf("ip saddr 192.168.0.0/16 counter accept comment \"rule LAN\"");
    int web =
        lines.indexOf(
            "ip6 saddr 2001:db8::/32 tcp dport 80-443 counter drop comment \"rule no _web_\"");
    assertTrue(blocked > 0 && lan > blocked && web > lan, script);
    assertTrue(
        lines.contains("set auto4 { type ipv4_addr; flags dynamic, timeout; timeout 60m; }"));
  }

  @Test
  void rejectResetsTcpAndDropsUdp() {
    String script =
        NftablesScript.table(
            List.of(
                new FirewallRule(
                    "r",
                    CidrBlock.parse("203.0.113.0/24"),
                    Protocol.BOTH,
                    PortRange.of(5060),
                    RuleAction.REJECT)),
            List.of(),
            60,
            KernelAccess.NONE);

    assertTrue(
        script.contains(
            "ip saddr 203.0.113.0/24 tcp dport 5060 counter reject with tcp reset comment \"rule r\""),
        script);
    assertTrue(
        script.contains("ip saddr 203.0.113.0/24 udp dport 5060 counter drop comment \"rule r\""),
        script);
  }

  @Test
  void aKernelRateRuleBlocksItsSourceForTheAutomaticBlockTime() {
    String script =
        NftablesScript.table(
            List.of(),
            List.of(new RateRule("ssh", Protocol.TCP, PortRange.of(22), new RateLimit(10, 60))),
            30,
            KernelAccess.NONE);

    assertTrue(
        script.contains(
            "meta nfproto ipv4 tcp dport 22 tcp flags & (syn | ack) == syn update @rate0v4 { ip saddr"
                + " limit rate over 10/minute burst 10 packets } add @auto4 { ip saddr } counter drop"
                + " comment \"auto defense ssh\""),
        script);
    assertTrue(
        script.contains("set rate0v6 { type ipv6_addr; flags dynamic, timeout; timeout 60s; }"));
    assertTrue(script.contains("timeout 30m"));
  }

  @Test
  void ratesAreWrittenInAUnitNftTakes() {
    assertEquals("1200/minute", NftablesScript.rate(new RateLimit(40, 2)));
    assertEquals("120/minute", NftablesScript.rate(new RateLimit(120, 60)));
    assertEquals("514/hour", NftablesScript.rate(new RateLimit(5, 35)));
    assertEquals("1/hour", NftablesScript.rate(new RateLimit(1, 86_400)));
  }

  @Test
  void blocksCarryTheirTimeLeftAndACoveredOneIsLeftOut() {
    String script =
        NftablesScript.blocks(
            List.of(
                block("203.0.113.7", NOW.plusSeconds(90)),
                block("203.0.113.0/24", null),
                block("198.51.100.9", NOW.minusSeconds(1)),
                block("2001:db8::1", NOW.plusSeconds(3600))),
            NOW);

    assertEquals(
        "flush set inet bulwark blocked4\n"
            + "flush set inet bulwark blocked6\n"
            + "add element inet bulwark blocked4 { 203.0.113.0/24 }\n"
            + "add element inet bulwark blocked6 { 2001:db8::1 timeout 3600s }\n",
        script);
  }

  @Test
  void commentsAreCleaned() {
    assertEquals("a_b_c", NftablesScript.commentText("a\"b\\c"));
    assertEquals(100, NftablesScript.commentText("x".repeat(300)).length());
  }

  @Test
  void aDomainNameRuleMatchesTheAddressesItStoodForAndAMacRuleTheHardwareAddress() {
    String script =
        NftablesScript.table(
            List.of(
                new FirewallRule(
                    "provider",
                    new RuleSource.HostName("sip.example.com"),
                    List.of(
                        CidrBlock.parse("192.0.2.10"),
                        CidrBlock.parse("192.0.2.11"),
                        CidrBlock.parse("2001:db8::10")),
                    Protocol.UDP,
                    PortRange.of(5060),
                    RuleAction.ACCEPT),
                new FirewallRule(
                    "gone",
                    new RuleSource.HostName("gone.example.com"),
                    List.of(),
                    Protocol.BOTH,
                    PortRange.ALL,
                    RuleAction.DROP),
                new FirewallRule(
                    "old phone",
                    new RuleSource.MacAddress("00:1a:2b:3c:4d:5e"),
                    List.of(),
                    Protocol.BOTH,
                    PortRange.ALL,
                    RuleAction.DROP)),
            List.of(),
            60,
            KernelAccess.NONE);

    assertTrue(
        script.contains(
            "ip saddr { 192.0.2.10, 192.0.2.11 } udp dport 5060 counter accept"
                + " comment \"rule provider\""),
        script);
    assertTrue(
        script.contains(
            "ip6 saddr 2001:db8::10 udp dport 5060 counter accept comment \"rule provider\""),
        script);
    assertTrue(!script.contains("rule gone"), script);
    assertTrue(
        script.contains("ether saddr 00:1a:2b:3c:4d:5e counter drop comment \"rule old phone\""),
        script);
  }

  @Test
  void onBulwarksPortsTrunksAreAcceptedThenTheBlocklistCountriesAndAllowlistDropped() {
    KernelAccess access =
        new KernelAccess(
            Set.of(5060, 5061, 8443),
            List.of(CidrBlock.parse("198.51.100.20"), CidrBlock.parse("2001:db8::20")),
            AddressSet.of(
                List.of(
                    CidrBlock.parse("203.0.113.0/25"),
                    CidrBlock.parse("203.0.113.128/25"),
                    CidrBlock.parse("192.0.2.9"),
                    CidrBlock.parse("2001:db8:bad::/48"))),
            List.of(CidrBlock.parse("5.9.0.0/16"), CidrBlock.parse("2a01:4f8::/32")),
            true);

    List<String> rules =
        NftablesScript.table(
                List.of(rule("LAN", "192.168.0.0/16", RuleAction.ACCEPT)), List.of(), 60, access)
            .lines()
            .map(String::strip)
            .toList();
    String ports = "meta l4proto { tcp, udp } th dport { 5060, 5061, 8443 }";
    int lan = rules.indexOf("ip saddr 192.168.0.0/16 counter accept comment \"rule LAN\"");
    int trunks =
        rules.indexOf(ports + " ip saddr @peers4 counter accept comment \"trunk providers\"");
    int listed = rules.indexOf(ports + " ip saddr @listed4 counter drop comment \"blocklist\"");
    int country =
        rules.indexOf(ports + " ip saddr != @allowed4 counter drop comment \"country filter\"");
    int allowlist = rules.indexOf(ports + " counter drop comment \"allowlist mode\"");
    assertTrue(
        lan > 0 && trunks > lan && listed > trunks && country > listed && allowlist > country,
        rules.toString());

    String elements = NftablesScript.access(access);
    assertTrue(elements.contains("add element inet bulwark peers4 { 198.51.100.20 }"), elements);
    assertTrue(elements.contains("add element inet bulwark peers6 { 2001:db8::20 }"), elements);
    assertTrue(
        elements.contains(
            "add element inet bulwark listed4 { 192.0.2.9, 203.0.113.0-203.0.113.255 }"),
        elements);
    assertTrue(
        elements.contains("add element inet bulwark listed6 { 2001:db8:bad::/48 }"), elements);
    assertTrue(
        elements.contains("add element inet bulwark allowed4 { 5.9.0.0/16, 10.0.0.0/8,"), elements);
    assertTrue(
        elements.contains("add element inet bulwark allowed6 { 2a01:4f8::/32, fc00::/7,"),
        elements);
  }

  @Test
  void withoutTheCountryFilterOrAllowlistModeNothingElseIsDropped() {
    String table =
        NftablesScript.table(
            List.of(),
            List.of(),
            60,
            new KernelAccess(Set.of(5060), List.of(), AddressSet.EMPTY, null, false));

    assertTrue(table.contains("@listed4"), table);
    assertTrue(!table.contains("country filter") && !table.contains("allowlist mode"), table);
    assertTrue(!NftablesScript.access(KernelAccess.NONE).contains("add element"));
  }

  private static FirewallRule rule(String name, String source, RuleAction action) {
    return new FirewallRule(name, CidrBlock.parse(source), Protocol.BOTH, PortRange.ALL, action);
  }
}
