package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticRuleDraftTest {

  @Test
  void aValidRuleHasNoViolations() {
    assertEquals(List.of(), draft().violations());
    assertEquals(
        List.of(),
        new StaticRuleDraft(
                "rtp",
                "2001:db8::/32",
                Protocol.UDP,
                Service.PORTS,
                " 10000 - 20000 ",
                RuleAction.DROP,
                0)
            .violations());
    assertEquals(
        List.of(),
        new StaticRuleDraft(
                "sip",
                "203.0.113.7",
                Protocol.TCP,
                Service.SIP,
                "  ",
                RuleAction.REJECT,
                StaticRuleDraft.MAX_POSITION)
            .violations());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void aRuleNeedsAName(String name) {
    assertEquals(
        List.of("name"),
        fields(
            new StaticRuleDraft(
                name,
                "192.168.0.0/16",
                Protocol.BOTH,
                Service.SIP,
                null,
                RuleAction.ACCEPT,
                null)));
  }

  @Test
  void aNameIsAtMost64Characters() {
    assertEquals(List.of(), fields(named(" " + "n".repeat(64) + " ")));
    assertEquals(List.of("name"), fields(named("n".repeat(65))));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "203.0.113.7/33",
        "300.1.1.1",
        "-bad.example.com",
        "example..com",
        "example.com/24",
        "under_score.example",
        "00:1a:2b:3c:4d",
        "00:1a:2b:3c:4d:5e:6f",
        "00:1a-2b:3c:4d:5e"
      })
  void theSourceMustBeAnAddressNetworkDomainNameOrMac(String source) {
    List<FieldViolation> found =
        new StaticRuleDraft(
                "office", source, Protocol.BOTH, Service.SIP, null, RuleAction.ACCEPT, null)
            .violations();

    assertEquals(List.of("source"), found.stream().map(FieldViolation::field).toList());
    assertFalse(found.get(0).message().isBlank());
  }

  @Test
  void aRuleNeedsAProtocol() {
    assertEquals(
        List.of("protocol"),
        fields(
            new StaticRuleDraft(
                "office", "192.168.0.0/16", null, Service.SIP, null, RuleAction.ACCEPT, null)));
  }

  @Test
  void aRuleNeedsAService() {
    assertEquals(
        List.of("service"),
        fields(
            new StaticRuleDraft(
                "office", "192.168.0.0/16", Protocol.BOTH, null, null, RuleAction.ACCEPT, null)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "0", "70000", "20-10", "abc"})
  void thePortRangeServiceNeedsValidPorts(String ports) {
    assertEquals(List.of("ports"), fields(withPorts(Service.PORTS, ports)));
  }

  @ParameterizedTest
  @EnumSource(value = Service.class, names = "PORTS", mode = EnumSource.Mode.EXCLUDE)
  void portsAreGivenOnlyWithThePortRangeService(Service service) {
    assertEquals(List.of("ports"), fields(withPorts(service, "5060")));
    assertEquals(List.of(), fields(withPorts(service, null)));
  }

  @Test
  void aRuleNeedsAnAction() {
    assertEquals(
        List.of("action"),
        fields(
            new StaticRuleDraft(
                "office", "192.168.0.0/16", Protocol.BOTH, Service.SIP, null, null, null)));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -100, StaticRuleDraft.MAX_POSITION + 1})
  void aPositionOutsideItsRangeIsRefused(int position) {
    assertEquals(List.of("position"), fields(at(position)));
  }

  @Test
  void everyWrongFieldIsReported() {
    assertEquals(
        List.of("name", "source", "protocol", "service", "action", "position"),
        fields(new StaticRuleDraft(null, "example..com", null, null, "5060", null, -1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "203.0.113.7",
        "203.0.113.0/24",
        "2001:db8::/32",
        "sip.example.com",
        "SIP.Example.COM.",
        "localhost",
        "00:1A:2B:3C:4D:5E",
        "00-1a-2b-3c-4d-5e"
      })
  void aSourceIsAnAddressNetworkDomainNameOrMac(String source) {
    assertEquals(
        List.of(),
        fields(
            new StaticRuleDraft(
                "office", source, Protocol.BOTH, Service.SIP, null, RuleAction.ACCEPT, null)));
  }

  @Test
  void thePortRangeIsReadOnlyForThePortRangeService() {
    assertEquals(new PortRange(10000, 20000), withPorts(Service.PORTS, "10000-20000").portRange());
    assertNull(withPorts(Service.SIP, "10000-20000").portRange());
    assertTrue(draft().violations().isEmpty());
  }

  private static StaticRuleDraft draft() {
    return named("office");
  }

  private static StaticRuleDraft named(String name) {
    return new StaticRuleDraft(
        name, "192.168.0.0/16", Protocol.BOTH, Service.ALL, null, RuleAction.ACCEPT, null);
  }

  private static StaticRuleDraft withPorts(Service service, String ports) {
    return new StaticRuleDraft(
        "office", "192.168.0.0/16", Protocol.BOTH, service, ports, RuleAction.ACCEPT, null);
  }

  private static StaticRuleDraft at(int position) {
    return new StaticRuleDraft(
        "office", "192.168.0.0/16", Protocol.BOTH, Service.ALL, null, RuleAction.ACCEPT, position);
  }

  private static List<String> fields(StaticRuleDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }
}
