package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutoDefenseRuleDraftTest {

  @Test
  void aValidRuleHasNoViolations() {
    assertEquals(List.of(), fields(rate(40, 2)));
    assertEquals(
        List.of(),
        fields(new AutoDefenseRuleDraft("rtp", Protocol.UDP, Service.PORTS, "10000-20000", 1, 1)));
    assertEquals(
        List.of(),
        fields(rate(AutoDefenseRuleDraft.MAX_PACKETS, AutoDefenseRuleDraft.MAX_SECONDS)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void aRuleNeedsAName(String name) {
    assertEquals(
        List.of("name"),
        fields(new AutoDefenseRuleDraft(name, Protocol.UDP, Service.SIP, null, 40, 2)));
  }

  @Test
  void aNameIsAtMost64Characters() {
    assertEquals(
        List.of("name"),
        fields(new AutoDefenseRuleDraft("n".repeat(65), Protocol.UDP, Service.SIP, null, 40, 2)));
  }

  @Test
  void aRuleNeedsAProtocolAndAService() {
    assertEquals(
        List.of("protocol"),
        fields(new AutoDefenseRuleDraft("sip", null, Service.SIP, null, 40, 2)));
    assertEquals(
        List.of("service"),
        fields(new AutoDefenseRuleDraft("sip", Protocol.UDP, null, null, 40, 2)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "0", "70000", "20-10", "abc"})
  void thePortRangeServiceNeedsValidPorts(String ports) {
    assertEquals(
        List.of("ports"),
        fields(new AutoDefenseRuleDraft("rtp", Protocol.UDP, Service.PORTS, ports, 40, 2)));
  }

  @ParameterizedTest
  @EnumSource(value = Service.class, names = "PORTS", mode = EnumSource.Mode.EXCLUDE)
  void portsAreGivenOnlyWithThePortRangeService(Service service) {
    assertEquals(
        List.of("ports"),
        fields(new AutoDefenseRuleDraft("sip", Protocol.UDP, service, "5060", 40, 2)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, -1, AutoDefenseRuleDraft.MAX_PACKETS + 1})
  void packetsOutsideTheirRangeAreRefused(Integer packets) {
    assertEquals(List.of("packets"), fields(rate(packets, 2)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, -1, AutoDefenseRuleDraft.MAX_SECONDS + 1})
  void secondsOutsideTheirRangeAreRefused(Integer seconds) {
    assertEquals(List.of("seconds"), fields(rate(40, seconds)));
  }

  @Test
  void everyWrongFieldIsReported() {
    assertEquals(
        List.of("name", "protocol", "ports", "packets", "seconds"),
        fields(new AutoDefenseRuleDraft(" ", null, Service.PORTS, "x", 0, 0)));
  }

  @Test
  void thePortRangeIsReadOnlyForThePortRangeService() {
    assertEquals(
        new PortRange(10000, 20000),
        new AutoDefenseRuleDraft("rtp", Protocol.UDP, Service.PORTS, "10000-20000", 40, 2)
            .portRange());
    assertNull(rate(40, 2).portRange());
  }

  private static AutoDefenseRuleDraft rate(Integer packets, Integer seconds) {
    return new AutoDefenseRuleDraft("sip", Protocol.UDP, Service.SIP, null, packets, seconds);
  }

  private static List<String> fields(AutoDefenseRuleDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }
}
