package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefenseSettingsDraftTest {

  private static final List<String> AGENTS = List.of("friendly-scanner", "sipvicious");
  private static final List<String> LOCAL = DefenseSettingsDraft.DEFAULT_LOCAL_NETWORKS;

  @Test
  void validSettingsHaveNoViolations() {
    assertEquals(List.of(), fields(new DefenseSettingsDraft(60, 5, 300, 60, AGENTS, LOCAL, false)));
    assertEquals(List.of(), fields(new DefenseSettingsDraft(1, 1, 1, 1, List.of(), LOCAL, false)));
    assertEquals(
        List.of(),
        fields(
            new DefenseSettingsDraft(
                BlockDraft.MAX_MINUTES,
                100,
                86_400,
                BlockDraft.MAX_MINUTES,
                AGENTS,
                LOCAL,
                false)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, -1, BlockDraft.MAX_MINUTES + 1})
  void autoBlockMinutesOutsideTheirRangeAreRefused(Integer minutes) {
    assertEquals(
        List.of("autoBlockMinutes"),
        fields(new DefenseSettingsDraft(minutes, 5, 300, 60, AGENTS, LOCAL, false)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, 101})
  void lockoutAttemptsOutsideTheirRangeAreRefused(Integer attempts) {
    assertEquals(
        List.of("lockoutAttempts"),
        fields(new DefenseSettingsDraft(60, attempts, 300, 60, AGENTS, LOCAL, false)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, 86_401})
  void lockoutSecondsOutsideTheirRangeAreRefused(Integer seconds) {
    assertEquals(
        List.of("lockoutSeconds"),
        fields(new DefenseSettingsDraft(60, 5, seconds, 60, AGENTS, LOCAL, false)));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, BlockDraft.MAX_MINUTES + 1})
  void lockoutMinutesOutsideTheirRangeAreRefused(Integer minutes) {
    assertEquals(
        List.of("lockoutMinutes"),
        fields(new DefenseSettingsDraft(60, 5, 300, minutes, AGENTS, LOCAL, false)));
  }

  @Test
  void theScannerAgentsAreAListEvenWhenEmpty() {
    assertEquals(
        List.of("scannerAgents"),
        fields(new DefenseSettingsDraft(60, 5, 300, 60, null, LOCAL, false)));
  }

  @Test
  void aScannerAgentIsAtMost64Characters() {
    assertEquals(
        List.of(),
        fields(
            new DefenseSettingsDraft(
                60, 5, 300, 60, List.of(" " + "a".repeat(64) + " "), LOCAL, false)));
    assertEquals(
        List.of("scannerAgents"),
        fields(
            new DefenseSettingsDraft(
                60, 5, 300, 60, List.of("sipvicious", "a".repeat(65)), LOCAL, false)));
  }

  @Test
  void atMost200ScannerAgentsAreKept() {
    List<String> agents = IntStream.rangeClosed(1, 200).mapToObj(i -> "scanner" + i).toList();
    List<String> tooMany = new ArrayList<>(agents);
    tooMany.add("scanner201");

    assertEquals(List.of(), fields(new DefenseSettingsDraft(60, 5, 300, 60, agents, LOCAL, false)));
    assertEquals(
        List.of("scannerAgents"),
        fields(new DefenseSettingsDraft(60, 5, 300, 60, tooMany, LOCAL, false)));
  }

  @Test
  void repeatsAndBlanksDoNotCountTowardsTheLimit() {
    List<String> agents = new ArrayList<>();
    IntStream.rangeClosed(1, 200).forEach(i -> agents.add("scanner" + i));
    agents.add(" scanner1 ");
    agents.add("");
    agents.add("   ");

    assertEquals(List.of(), fields(new DefenseSettingsDraft(60, 5, 300, 60, agents, LOCAL, false)));
  }

  @Test
  void cleaningTheScannerAgentsStripsThemAndDropsBlanksAndRepeats() {
    DefenseSettingsDraft draft =
        new DefenseSettingsDraft(
            60,
            5,
            300,
            60,
            Arrays.asList(" sipvicious ", "", null, "friendly-scanner", "   ", "sipvicious"),
            LOCAL,
            false);

    assertEquals(List.of("sipvicious", "friendly-scanner"), draft.cleanScannerAgents());
  }

  @Test
  void everyWrongFieldIsReported() {
    assertEquals(
        List.of(
            "autoBlockMinutes",
            "lockoutAttempts",
            "lockoutSeconds",
            "lockoutMinutes",
            "scannerAgents",
            "kernelBackend",
            "localNetworks"),
        fields(new DefenseSettingsDraft(null, null, null, null, null, null, null)));
  }

  @Test
  void localNetworksMustBeAddressesOrNetworks() {
    assertEquals(
        List.of(),
        fields(
            new DefenseSettingsDraft(60, 5, 300, 60, AGENTS, List.of(" 10.1.0.0/16 ", ""), false)));
    assertEquals(
        List.of(), fields(new DefenseSettingsDraft(60, 5, 300, 60, AGENTS, List.of(), false)));
    assertEquals(
        List.of("localNetworks"),
        fields(new DefenseSettingsDraft(60, 5, 300, 60, AGENTS, List.of("10.0.0.0/33"), false)));
    assertEquals(
        List.of("localNetworks"),
        fields(
            new DefenseSettingsDraft(
                60, 5, 300, 60, AGENTS, List.of("office.example.com"), false)));
  }

  @Test
  void theLocalNetworksOfTheSettingsTellWhatIsLocal() throws Exception {
    DefenseSettings settings = new DefenseSettings();
    settings.apply(
        new DefenseSettingsDraft(60, 5, 300, 60, AGENTS, List.of("10.0.0.0/8", "::1"), false));

    DefenseSettings.Policy policy = settings.policy(LoginLockout.DEFAULT);

    assertEquals(List.of("10.0.0.0/8", "::1"), settings.getLocalNetworks());
    assertEquals(true, policy.isLocal(java.net.InetAddress.getByName("10.200.3.4")));
    assertEquals(true, policy.isLocal(java.net.InetAddress.getByName("::1")));
    assertEquals(false, policy.isLocal(java.net.InetAddress.getByName("192.168.1.1")));
  }

  private static List<String> fields(DefenseSettingsDraft draft) {
    return draft.violations().stream().map(FieldViolation::field).toList();
  }
}
