package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.testing.MutableClock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FirewallTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final int SIP = 5060;
  private static final int HTTPS = 8443;
  private static final int LIMIT = 10;
  private static final int WINDOW_SECONDS = 2;
  private static final int AUTO_BLOCK_MINUTES = 30;
  private static final int LOCKOUT_ATTEMPTS = 3;
  private static final int LOCKOUT_SECONDS = 60;
  private static final int LOCKOUT_MINUTES = 15;
  private static final DefenseSettings.Policy POLICY =
      new DefenseSettings.Policy(
          AUTO_BLOCK_MINUTES,
          new RateLimit(LOCKOUT_ATTEMPTS, LOCKOUT_SECONDS),
          LOCKOUT_MINUTES,
          List.of("friendly-scanner", "SIPVicious"),
          List.of(),
          new LoginLockout(new RateLimit(3, 60), 10, new RateLimit(6, 3600)));

  private static final InetAddress ATTACKER = ip("203.0.113.7");
  private static final InetAddress NEIGHBOUR = ip("203.0.113.8");
  private static final InetAddress OFFICE = ip("192.168.1.20");

  private final MutableClock clock = new MutableClock(NOW);
  private final List<AutomaticBlock> decided = new ArrayList<>();
  private final Firewall firewall = new Firewall(new BlockedSources(clock), clock, decided::add);

  @Test
  void aBlockedSourceIsRefusedAndOthersAreAdmitted() {
    firewall.blocked().replace(List.of(manualBlock("203.0.113.7")));

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertFalse(firewall.admits(ATTACKER, Protocol.TCP, HTTPS));
    assertTrue(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
  }

  @Test
  void aBlockedSourceIsRefusedEvenWhenAnAcceptRuleMatchesIt() {
    firewall.configure(List.of(rule("203.0.113.0/24", RuleAction.ACCEPT)), List.of(), POLICY);
    firewall.blocked().replace(List.of(manualBlock("203.0.113.7")));

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertTrue(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
  }

  @Test
  void theFirstMatchingStaticRuleDecides() {
    firewall.configure(
        List.of(
            rule("203.0.113.7", RuleAction.ACCEPT),
            rule("203.0.113.0/24", RuleAction.DROP),
            rule("198.51.100.0/24", RuleAction.REJECT)),
        List.of(),
        POLICY);

    assertTrue(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertFalse(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
    assertFalse(firewall.admits(ip("198.51.100.1"), Protocol.TCP, HTTPS));
    assertTrue(firewall.admits(OFFICE, Protocol.UDP, SIP), "no rule matches: admitted");
  }

  @Test
  void theOrderOfTheStaticRulesMatters() {
    firewall.configure(
        List.of(rule("203.0.113.0/24", RuleAction.DROP), rule("203.0.113.7", RuleAction.ACCEPT)),
        List.of(),
        POLICY);

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
  }

  @Test
  void aStaticRuleAppliesOnlyToItsProtocolAndPorts() {
    firewall.configure(
        List.of(
            new FirewallRule(
                "no sip over udp",
                CidrBlock.parse("0.0.0.0/0"),
                Protocol.UDP,
                PortRange.of(SIP),
                RuleAction.DROP)),
        List.of(),
        POLICY);

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertTrue(firewall.admits(ATTACKER, Protocol.TCP, SIP));
    assertTrue(firewall.admits(ATTACKER, Protocol.UDP, HTTPS));
  }

  @Test
  void anAcceptRuleExemptsItsSourceFromAutoDefense() {
    firewall.configure(
        List.of(rule("192.168.0.0/16", RuleAction.ACCEPT)), List.of(sipFlood()), POLICY);

    assertEquals(1000, admitted(OFFICE, Protocol.UDP, SIP, 1000));
    assertFalse(firewall.blocked().blocks(OFFICE));
    assertTrue(decided.isEmpty());
  }

  @Test
  void aRuleForUdpDoesNotCountTcpPackets() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);

    assertEquals(100, admitted(ATTACKER, Protocol.TCP, SIP, 100));
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
  }

  @Test
  void aRuleOnPort5060DoesNotCountPort8443() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);

    assertEquals(100, admitted(ATTACKER, Protocol.UDP, HTTPS, 100));
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
  }

  @Test
  void aRuleForBothProtocolsCountsUdpAndTcpTogether() {
    firewall.configure(
        List.of(),
        List.of(
            new RateRule(
                "sip", Protocol.BOTH, PortRange.of(SIP), new RateLimit(LIMIT, WINDOW_SECONDS))),
        POLICY);

    assertEquals(LIMIT / 2, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT / 2));
    assertEquals(LIMIT / 2, admitted(ATTACKER, Protocol.TCP, SIP, LIMIT / 2));
    assertFalse(firewall.admits(ATTACKER, Protocol.TCP, SIP));
  }

  @Test
  void thePacketOverTheLimitIsRefusedAndBlocksItsSourceFromThenOn() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);

    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
    assertFalse(firewall.blocked().blocks(ATTACKER));
    clock.advance(Duration.ofMillis(500));
    Instant over = clock.instant();

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertTrue(firewall.blocked().blocks(ATTACKER));
    assertFalse(firewall.admits(ATTACKER, Protocol.TCP, HTTPS), "blocked everywhere");
    clock.advance(Duration.ofMinutes(5));
    assertEquals(0, admitted(ATTACKER, Protocol.UDP, SIP, 50));

    assertEquals(1, decided.size());
    AutomaticBlock block = decided.get(0);
    assertEquals(ATTACKER, block.source());
    assertEquals(DefenseType.AUTO_DEFENSE, block.type());
    assertEquals(Protocol.UDP, block.protocol());
    assertEquals(SIP, block.port());
    assertEquals(over, block.blockedAt());
    assertEquals(over.plus(Duration.ofMinutes(AUTO_BLOCK_MINUTES)), block.until());
    assertNull(block.target());
    assertTrue(block.reason().contains("sip"), block.reason());
  }

  @Test
  void anAutomaticBlockEndsAfterTheAutoBlockMinutesAndCountingStartsAfresh() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);
    admitted(ATTACKER, Protocol.UDP, SIP, LIMIT + 1);

    clock.advance(Duration.ofMinutes(AUTO_BLOCK_MINUTES).minusSeconds(1));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    clock.advanceSeconds(1);
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertEquals(2, decided.size());
  }

  @Test
  void aSourceWhoseBlockEndsWithinTheWindowIsCountedAfresh() {
    firewall.configure(
        List.of(),
        List.of(new RateRule("slow", Protocol.UDP, PortRange.of(SIP), new RateLimit(LIMIT, 600))),
        new DefenseSettings.Policy(
            1,
            new RateLimit(LOCKOUT_ATTEMPTS, LOCKOUT_SECONDS),
            1,
            List.of(),
            List.of(),
            LoginLockout.DEFAULT));
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT + 1));

    clock.advance(Duration.ofMinutes(1));

    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT + 1));
    assertTrue(firewall.blocked().blocks(ATTACKER));
    assertEquals(2, decided.size());
  }

  @Test
  void afterTheWindowTheCountStartsAgain() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);

    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
    clock.advanceSeconds(WINDOW_SECONDS);
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
    assertFalse(firewall.blocked().blocks(ATTACKER));
    assertTrue(decided.isEmpty());
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
  }

  @Test
  void justBeforeTheWindowEndsThePacketOverTheLimitIsStillRefused() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);

    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
    clock.advance(Duration.ofSeconds(WINDOW_SECONDS).minusMillis(1));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
  }

  @Test
  void otherSourcesAreUnaffectedByABlockedOne() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);
    assertEquals(LIMIT - 1, admitted(NEIGHBOUR, Protocol.UDP, SIP, LIMIT - 1));

    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT + 1));

    assertTrue(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
    assertFalse(firewall.blocked().blocks(NEIGHBOUR));
    assertEquals(List.of(ATTACKER), decided.stream().map(AutomaticBlock::source).toList());
  }

  @Test
  void theFailureThatReachesTheLockoutCountLocksTheSourceOut() {
    firewall.configure(List.of(), List.of(), POLICY);

    for (int i = 1; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
    }
    assertFalse(firewall.blocked().blocks(ATTACKER));
    assertTrue(decided.isEmpty());

    firewall.authenticationFailed(ATTACKER, Protocol.TCP, SIP, "1001");

    assertTrue(firewall.blocked().blocks(ATTACKER));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertEquals(1, decided.size());
    AutomaticBlock block = decided.get(0);
    assertEquals(ATTACKER, block.source());
    assertEquals(DefenseType.REGISTRATION_LOCKOUT, block.type());
    assertEquals("SIP extension 1001", block.target());
    assertEquals(Protocol.TCP, block.protocol());
    assertEquals(SIP, block.port());
    assertEquals(NOW.plus(Duration.ofMinutes(LOCKOUT_MINUTES)), block.until());
  }

  @Test
  void aSourceWhoseLockoutEndsWithinTheWindowIsCountedAfresh() {
    firewall.configure(
        List.of(),
        List.of(),
        new DefenseSettings.Policy(
            60,
            new RateLimit(LOCKOUT_ATTEMPTS, 600),
            1,
            List.of(),
            List.of(),
            LoginLockout.DEFAULT));
    for (int i = 0; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
    }

    clock.advance(Duration.ofMinutes(1));
    assertFalse(firewall.blocked().blocks(ATTACKER));
    for (int i = 0; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
    }

    assertTrue(firewall.blocked().blocks(ATTACKER));
    assertEquals(2, decided.size());
  }

  @Test
  void aLockoutWithoutAUserNamesNoTarget() {
    firewall.configure(List.of(), List.of(), POLICY);

    for (int i = 0; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, i == 0 ? null : " ");
    }

    assertEquals(1, decided.size());
    assertNull(decided.get(0).target());
  }

  @Test
  void failuresOfOtherSourcesDoNotAddUp() {
    firewall.configure(List.of(), List.of(), POLICY);

    for (int i = 1; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
      firewall.authenticationFailed(NEIGHBOUR, Protocol.UDP, SIP, "1001");
    }

    assertFalse(firewall.blocked().blocks(ATTACKER));
    assertFalse(firewall.blocked().blocks(NEIGHBOUR));
    assertTrue(decided.isEmpty());
  }

  @Test
  void aTrustedSourceIsNeverLockedOut() {
    firewall.configure(List.of(rule("192.168.0.0/16", RuleAction.ACCEPT)), List.of(), POLICY);

    for (int i = 0; i < 100; i++) {
      firewall.authenticationFailed(OFFICE, Protocol.UDP, SIP, "1001");
    }

    assertFalse(firewall.blocked().blocks(OFFICE));
    assertTrue(decided.isEmpty());
  }

  @Test
  void anAcceptRuleTrustsItsSourceOnlyOnItsProtocolAndPorts() {
    firewall.configure(
        List.of(
            new FirewallRule(
                "office sip",
                CidrBlock.parse("192.168.0.0/16"),
                Protocol.UDP,
                PortRange.of(SIP),
                RuleAction.ACCEPT)),
        List.of(),
        POLICY);

    for (int i = 0; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(OFFICE, Protocol.TCP, HTTPS, "admin");
    }

    assertTrue(firewall.blocked().blocks(OFFICE));
  }

  @Test
  void aSourceADropRuleMatchesIsNotTrusted() {
    firewall.configure(List.of(rule("203.0.113.0/24", RuleAction.DROP)), List.of(), POLICY);

    for (int i = 0; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
    }
    assertTrue(firewall.blocksScanner(NEIGHBOUR, Protocol.UDP, SIP, "sipvicious"));

    assertEquals(
        List.of(DefenseType.REGISTRATION_LOCKOUT, DefenseType.SCANNER),
        decided.stream().map(AutomaticBlock::type).toList());
  }

  @Test
  void failuresSpreadOverMoreThanTheLockoutWindowDoNotLockOut() {
    firewall.configure(List.of(), List.of(), POLICY);
    int step = LOCKOUT_SECONDS / (LOCKOUT_ATTEMPTS - 1);

    for (int i = 0; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
      clock.advanceSeconds(step);
    }
    assertFalse(firewall.blocked().blocks(ATTACKER));
    assertTrue(decided.isEmpty());

    for (int i = 1; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
    }
    assertTrue(firewall.blocked().blocks(ATTACKER), "the count in the new window still locks out");
  }

  @Test
  void aScannerUserAgentBlocksItsSourceWhateverItsCase() {
    firewall.configure(List.of(), List.of(), POLICY);

    assertTrue(firewall.blocksScanner(ATTACKER, Protocol.UDP, SIP, "sipvicious 0.3.4"));
    assertTrue(firewall.blocksScanner(NEIGHBOUR, Protocol.UDP, SIP, "Friendly-Scanner/1.0"));

    assertTrue(firewall.blocked().blocks(ATTACKER));
    assertTrue(firewall.blocked().blocks(NEIGHBOUR));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertEquals(2, decided.size());
    AutomaticBlock block = decided.get(0);
    assertEquals(ATTACKER, block.source());
    assertEquals(DefenseType.SCANNER, block.type());
    assertEquals(Protocol.UDP, block.protocol());
    assertEquals(SIP, block.port());
    assertEquals(NOW.plus(Duration.ofMinutes(AUTO_BLOCK_MINUTES)), block.until());
  }

  @Test
  void anOrdinaryUserAgentIsNotAScanner() {
    firewall.configure(List.of(), List.of(), POLICY);

    assertFalse(firewall.blocksScanner(ATTACKER, Protocol.UDP, SIP, "Linphone/5.2 (belle-sip)"));
    assertFalse(firewall.blocked().blocks(ATTACKER));
    assertTrue(decided.isEmpty());
  }

  @Test
  void noUserAgentIsNotAScanner() {
    firewall.configure(List.of(), List.of(), POLICY);

    assertFalse(firewall.blocksScanner(ATTACKER, Protocol.UDP, SIP, null));
    assertFalse(firewall.blocked().blocks(ATTACKER));
    assertTrue(decided.isEmpty());
  }

  @Test
  void aTrustedSourceIsNotBlockedForItsUserAgent() {
    firewall.configure(List.of(rule("192.168.0.0/16", RuleAction.ACCEPT)), List.of(), POLICY);

    assertFalse(firewall.blocksScanner(OFFICE, Protocol.UDP, SIP, "sipvicious"));
    assertFalse(firewall.blocked().blocks(OFFICE));
    assertTrue(decided.isEmpty());
  }

  @Test
  void configuringAnEqualRuleListKeepsCounting() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));

    firewall.configure(List.of(), List.of(sipFlood()), POLICY);

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertTrue(firewall.blocked().blocks(ATTACKER));
  }

  @Test
  void aChangedRuleStartsCountingAfresh() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));

    firewall.configure(
        List.of(),
        List.of(
            new RateRule(
                "sip", Protocol.UDP, PortRange.of(SIP), new RateLimit(LIMIT, WINDOW_SECONDS + 1))),
        POLICY);

    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
  }

  @Test
  void configuringAnEqualLockoutKeepsCountingFailures() {
    firewall.configure(List.of(), List.of(), POLICY);
    for (int i = 1; i < LOCKOUT_ATTEMPTS; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
    }

    firewall.configure(List.of(), List.of(sipFlood()), POLICY);
    firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");

    assertTrue(firewall.blocked().blocks(ATTACKER));
  }

  @Test
  void sweepingForgetsOnlyFinishedWindows() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));

    clock.advance(Duration.ofSeconds(WINDOW_SECONDS).minusMillis(1));
    firewall.sweep();

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
  }

  @Test
  void aRequestForADecoyBlocksItsSourceAtOnceUnlessAnAcceptRuleTrustsIt() {
    firewall.configure(List.of(rule("192.168.0.0/16", RuleAction.ACCEPT)), List.of(), POLICY);
    firewall.decoys(java.util.Set.of("999"));

    assertFalse(firewall.blocksDecoy(ATTACKER, Protocol.UDP, SIP, "1001"));
    assertFalse(firewall.blocksDecoy(ATTACKER, Protocol.UDP, SIP, null));
    assertFalse(firewall.blocksDecoy(OFFICE, Protocol.UDP, SIP, "999"), "trusted");
    assertTrue(firewall.admits(ATTACKER, Protocol.UDP, SIP));

    assertTrue(firewall.blocksDecoy(ATTACKER, Protocol.UDP, SIP, "999"));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertEquals(1, decided.size());
    assertEquals(DefenseType.DECOY, decided.get(0).type());
    assertEquals("SIP extension 999", decided.get(0).target());
    assertEquals(NOW.plus(Duration.ofMinutes(AUTO_BLOCK_MINUTES)), decided.get(0).until());
  }

  @Test
  void explainingAnAddressNamesTheBlockTheRuleOrTheRatesThatApplyAndCountsNothing() {
    firewall.configure(
        List.of(
            rule("192.168.0.0/16", RuleAction.ACCEPT), rule("198.51.100.0/24", RuleAction.DROP)),
        List.of(sipFlood()),
        POLICY);
    firewall.blocked().replace(List.of(manualBlock("203.0.113.8")));

    Firewall.Verdict blocked = firewall.explain(NEIGHBOUR, Protocol.UDP, SIP);
    assertFalse(blocked.admitted());
    assertTrue(blocked.because().startsWith("Manual block of 203.0.113.8"), blocked.because());

    Firewall.Verdict trusted = firewall.explain(OFFICE, Protocol.UDP, SIP);
    assertTrue(trusted.admitted());
    assertTrue(trusted.because().contains("never blocked automatically"), trusted.because());

    Firewall.Verdict dropped = firewall.explain(ip("198.51.100.9"), Protocol.TCP, HTTPS);
    assertFalse(dropped.admitted());
    assertTrue(dropped.because().endsWith("drops it"), dropped.because());

    for (int i = 0; i < LIMIT * 3; i++) {
      Firewall.Verdict counted = firewall.explain(ATTACKER, Protocol.UDP, SIP);
      assertTrue(counted.admitted());
      assertTrue(counted.because().contains("auto defense blocks it beyond"), counted.because());
    }
    assertEquals(
        LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT + 1), "explaining counted nothing");
    assertTrue(
        firewall
            .explain(ip("203.0.113.99"), Protocol.TCP, HTTPS)
            .because()
            .contains("no auto defense rule"));
  }

  @Test
  void aSourceOnTheBlocklistIsRefusedAndOthersAreAdmitted() {
    firewall.configure(List.of(), List.of(), POLICY);
    firewall.blocklist(addresses("203.0.113.7", "198.51.100.0/24", "2001:db8::/32"));

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertFalse(firewall.admits(ATTACKER, Protocol.TCP, HTTPS));
    assertFalse(firewall.admits(ip("198.51.100.0"), Protocol.UDP, SIP));
    assertFalse(firewall.admits(ip("198.51.100.255"), Protocol.UDP, SIP));
    assertFalse(firewall.admits(ip("2001:db8::5"), Protocol.UDP, SIP));
    assertTrue(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
    assertTrue(firewall.admits(OFFICE, Protocol.TCP, HTTPS));
    assertTrue(firewall.admits(ip("198.51.101.0"), Protocol.UDP, SIP));
    assertTrue(firewall.admits(ip("2001:db9::5"), Protocol.UDP, SIP));
    assertFalse(firewall.blocked().blocks(ATTACKER), "refused, not blocked");
    assertTrue(decided.isEmpty());
  }

  @Test
  void packetsOfAListedSourceAreRefusedWithoutBeingCounted() {
    firewall.configure(List.of(), List.of(sipFlood()), POLICY);
    firewall.blocklist(addresses("203.0.113.7"));

    assertEquals(0, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT * 3));
    assertTrue(decided.isEmpty());
    assertFalse(firewall.blocked().blocks(ATTACKER));

    firewall.blocklist(AddressSet.EMPTY);
    assertEquals(LIMIT, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT));
  }

  @Test
  void anAcceptRuleMatchingTheSourceWinsOverTheBlocklist() {
    firewall.configure(
        List.of(
            new FirewallRule(
                "office sip",
                CidrBlock.parse("203.0.113.0/24"),
                Protocol.UDP,
                PortRange.of(SIP),
                RuleAction.ACCEPT)),
        List.of(),
        POLICY);
    firewall.blocklist(addresses("203.0.113.0/24", "198.51.100.9"));

    assertTrue(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertTrue(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
    assertFalse(firewall.admits(ATTACKER, Protocol.TCP, HTTPS), "the rule does not match");
    assertFalse(firewall.admits(ip("198.51.100.9"), Protocol.UDP, SIP));
  }

  @Test
  void aDomainNameRuleMatchesTheAddressesItStoodForAndAMacRuleNothingInProcess() {
    firewall.configure(
        List.of(
            new FirewallRule(
                "provider",
                new RuleSource.HostName("sip.example.com"),
                List.of(CidrBlock.parse("203.0.113.7")),
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
        POLICY);

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertTrue(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
  }

  @Test
  void aDropRuleMatchingAListedSourceStillRefusesIt() {
    firewall.configure(List.of(rule("203.0.113.7", RuleAction.DROP)), List.of(), POLICY);
    firewall.blocklist(addresses("203.0.113.0/24"));

    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertFalse(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
    assertTrue(firewall.explain(ATTACKER, Protocol.UDP, SIP).because().endsWith("drops it"));
  }

  @Test
  void theCountryFilterRefusesOtherCountriesButNotAcceptedSourcesOrTrunks() {
    firewall.configure(List.of(rule("203.0.113.7", RuleAction.ACCEPT)), List.of(), POLICY);
    firewall.trunkPeers(ip("198.51.100.20")::equals);
    firewall.access(
        new AccessPolicy(true, Set.of("DE"), false),
        address -> Optional.of(address.getHostAddress().startsWith("5.9.") ? "DE" : "GB"));

    assertTrue(firewall.admits(ip("5.9.0.1"), Protocol.UDP, SIP));
    assertFalse(firewall.admits(ip("81.2.69.142"), Protocol.UDP, SIP));
    assertFalse(firewall.admits(ip("81.2.69.142"), Protocol.TCP, HTTPS));
    assertTrue(firewall.admits(ATTACKER, Protocol.UDP, SIP), "an Accept rule lets it in");
    assertTrue(firewall.admits(ip("198.51.100.20"), Protocol.UDP, SIP), "a trunk provider");
    assertTrue(firewall.admits(OFFICE, Protocol.UDP, SIP), "a private address");
    assertEquals(
        "Allowed country IPs: GB is not an allowed country",
        firewall.explain(ip("81.2.69.142"), Protocol.UDP, SIP).because());
    assertFalse(firewall.blocked().blocks(ip("81.2.69.142")), "refused, not blocked");
  }

  @Test
  void allowlistModeAdmitsOnlyAcceptedSourcesAndTrunks() {
    firewall.configure(List.of(rule("203.0.113.7", RuleAction.ACCEPT)), List.of(), POLICY);
    firewall.trunkPeers(ip("198.51.100.20")::equals);
    firewall.access(new AccessPolicy(false, Set.of(), true), address -> Optional.empty());

    assertTrue(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertTrue(firewall.admits(ip("198.51.100.20"), Protocol.UDP, SIP));
    assertFalse(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
    assertFalse(firewall.admits(OFFICE, Protocol.TCP, HTTPS), "private addresses too");
  }

  @Test
  void explainingAListedSourceNamesTheBlocklist() {
    firewall.configure(List.of(rule("192.168.0.0/16", RuleAction.ACCEPT)), List.of(), POLICY);
    firewall.blocklist(addresses("203.0.113.7", "192.168.1.0/24"));

    Firewall.Verdict listed = firewall.explain(ATTACKER, Protocol.UDP, SIP);
    assertFalse(listed.admitted());
    assertEquals("On the global anti-hacking IP blocklist", listed.because());

    Firewall.Verdict trusted = firewall.explain(OFFICE, Protocol.UDP, SIP);
    assertTrue(trusted.admitted());
    assertTrue(trusted.because().contains("never blocked automatically"), trusted.because());

    Firewall.Verdict other = firewall.explain(NEIGHBOUR, Protocol.UDP, SIP);
    assertTrue(other.admitted());
    assertTrue(other.because().startsWith("No static defense rule matches"), other.because());

    firewall.blocked().replace(List.of(manualBlock("203.0.113.7")));
    Firewall.Verdict blocked = firewall.explain(ATTACKER, Protocol.UDP, SIP);
    assertFalse(blocked.admitted());
    assertTrue(blocked.because().startsWith("Manual block of 203.0.113.7"), blocked.because());
  }

  @Test
  void anEmptyBlocklistLiftsIt() {
    firewall.configure(List.of(), List.of(), POLICY);
    firewall.blocklist(addresses("203.0.113.0/24", "2001:db8::/32"));
    assertFalse(firewall.admits(ATTACKER, Protocol.UDP, SIP));

    firewall.blocklist(AddressSet.EMPTY);

    assertTrue(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertTrue(firewall.admits(ip("2001:db8::5"), Protocol.UDP, SIP));
    Firewall.Verdict verdict = firewall.explain(ATTACKER, Protocol.UDP, SIP);
    assertTrue(verdict.admitted());
    assertFalse(verdict.because().contains("blocklist"), verdict.because());
  }

  @Test
  void aNewBlocklistReplacesTheOldOne() {
    firewall.configure(List.of(), List.of(), POLICY);
    firewall.blocklist(addresses("203.0.113.7"));

    firewall.blocklist(addresses("203.0.113.8"));

    assertTrue(firewall.admits(ATTACKER, Protocol.UDP, SIP));
    assertFalse(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP));
  }

  @Test
  void aTrunkProvidersAddressIsNeverBlockedAutomaticallyButAStaticDropRuleStillApplies() {
    firewall.configure(
        List.of(rule("198.51.100.0/24", RuleAction.DROP)), List.of(sipFlood()), POLICY);
    firewall.trunkPeers(source -> source.equals(ATTACKER) || source.equals(ip("198.51.100.9")));
    firewall.blocklist(AddressSet.of(List.of(CidrBlock.parse("203.0.113.0/24"))));

    assertEquals(LIMIT * 5, admitted(ATTACKER, Protocol.UDP, SIP, LIMIT * 5), "not counted");
    for (int i = 0; i < LOCKOUT_ATTEMPTS * 2; i++) {
      firewall.authenticationFailed(ATTACKER, Protocol.UDP, SIP, "1001");
    }
    assertFalse(firewall.blocksScanner(ATTACKER, Protocol.UDP, SIP, "friendly-scanner"));
    assertTrue(decided.isEmpty(), "no automatic block of a trunk's address");
    assertTrue(firewall.explain(ATTACKER, Protocol.UDP, SIP).because().contains("trunk provider"));

    assertFalse(firewall.admits(ip("198.51.100.9"), Protocol.UDP, SIP), "the Drop rule decides");
    assertFalse(firewall.admits(NEIGHBOUR, Protocol.UDP, SIP), "another listed address");
  }

  private int admitted(InetAddress source, Protocol protocol, int port, int packets) {
    int admitted = 0;
    for (int i = 0; i < packets; i++) {
      if (firewall.admits(source, protocol, port)) {
        admitted++;
      }
    }
    return admitted;
  }

  private static RateRule sipFlood() {
    return new RateRule(
        "sip", Protocol.UDP, PortRange.of(SIP), new RateLimit(LIMIT, WINDOW_SECONDS));
  }

  private static FirewallRule rule(String source, RuleAction action) {
    return new FirewallRule(
        source + " " + action, CidrBlock.parse(source), Protocol.BOTH, PortRange.ALL, action);
  }

  private static Block manualBlock(String source) {
    return new Block(1, CidrBlock.parse(source), DefenseType.MANUAL, "test", NOW, null);
  }

  private static AddressSet addresses(String... blocks) {
    return AddressSet.of(Arrays.stream(blocks).map(CidrBlock::parse).toList());
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  private void failLogins(InetAddress source, int times) {
    for (int i = 0; i < times; i++) {
      firewall.loginFailed(source, HTTPS, "WebUser:admin");
    }
  }

  @Test
  void failedLoginsBlockASourceForAWhileThenForGood() {
    firewall.configure(List.of(), List.of(), POLICY);

    failLogins(ATTACKER, 2);
    assertFalse(firewall.blocked().blocks(ATTACKER));
    failLogins(ATTACKER, 1);

    assertTrue(firewall.blocked().blocks(ATTACKER));
    AutomaticBlock temporary = decided.get(0);
    assertEquals(DefenseType.WEB_LOGIN, temporary.type());
    assertEquals("WebUser:admin", temporary.target());
    assertEquals(NOW.plus(Duration.ofMinutes(10)), temporary.until());
    assertEquals("3 failed logins in 60 s, the last as WebUser:admin", temporary.reason());
    assertFalse(firewall.blocked().blocks(NEIGHBOUR));

    clock.advance(Duration.ofMinutes(10));
    assertFalse(firewall.blocked().blocks(ATTACKER));
    failLogins(ATTACKER, 3);

    assertEquals(2, decided.size());
    AutomaticBlock permanent = decided.get(1);
    assertEquals(null, permanent.until());
    assertEquals("6 failed logins in 1 h, the last as WebUser:admin", permanent.reason());
    clock.advance(Duration.ofDays(365));
    assertTrue(firewall.blocked().blocks(ATTACKER));
  }

  @Test
  void failedLoginsSpreadOverTheWindowsDoNotBlock() {
    firewall.configure(List.of(), List.of(), POLICY);
    for (int hour = 0; hour < 5; hour++) {
      failLogins(ATTACKER, 2);
      clock.advance(Duration.ofMinutes(61));
    }
    assertFalse(firewall.blocked().blocks(ATTACKER));
    assertEquals(List.of(), decided);
  }

  @Test
  void aTrustedSourceIsNeverLockedOutOfTheLogin() {
    firewall.configure(
        List.of(
            new FirewallRule(
                "office",
                CidrBlock.of(OFFICE),
                Protocol.TCP,
                PortRange.of(HTTPS),
                RuleAction.ACCEPT)),
        List.of(),
        POLICY);
    failLogins(OFFICE, 20);
    assertFalse(firewall.blocked().blocks(OFFICE));
  }

  @Test
  void changedLoginLimitsStartTheCountAfresh() {
    firewall.configure(List.of(), List.of(), POLICY);
    failLogins(ATTACKER, 2);
    firewall.configure(
        List.of(),
        List.of(),
        new DefenseSettings.Policy(
            AUTO_BLOCK_MINUTES,
            new RateLimit(LOCKOUT_ATTEMPTS, LOCKOUT_SECONDS),
            LOCKOUT_MINUTES,
            List.of(),
            List.of(),
            new LoginLockout(new RateLimit(2, 60), 10, new RateLimit(6, 3600))));
    failLogins(ATTACKER, 1);
    assertFalse(firewall.blocked().blocks(ATTACKER));
    failLogins(ATTACKER, 1);
    assertTrue(firewall.blocked().blocks(ATTACKER));
  }
}
