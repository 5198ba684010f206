package io.bulwark.pbx.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrunkDraftTest {

  static TrunkDraft register(String name) {
    return new TrunkDraft(
        name,
        "register",
        "sip.example.net",
        null,
        null,
        null,
        "4930555100",
        null,
        "pr0vider!",
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static TrunkDraft peer(String name, String host) {
    return new TrunkDraft(
        name, "PEER", host, 5060, "udp", null, null, null, null, null, null, null, null, null,
        false, false);
  }

  @Test
  void aRegisterTrunkWithCredentialsIsValidAndTakesDefaults() {
    TrunkDraft draft = register(" Provider A ");
    assertEquals(List.of(), draft.violations(false));
    assertEquals("Provider A", draft.name());
    assertEquals(TrunkKind.REGISTER, draft.trunkKind().orElseThrow());
    assertEquals(5060, draft.portOrDefault());
    assertEquals(Transport.UDP, draft.transportOrDefault());
    assertEquals(3600, draft.registrationExpiryOrDefault());
  }

  @Test
  void aPeerTrunkNeedsNoCredentials() {
    assertEquals(List.of(), peer("Carrier", "203.0.113.7").violations(false));
  }

  @Test
  void aRegisterTrunkNeedsAUsernameAndAPasswordUnlessOneIsStored() {
    TrunkDraft draft =
        new TrunkDraft(
            "P",
            "REGISTER",
            "sip.example.net",
            null,
            null,
            null,
            null,
            null,
            "",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertEquals(
        List.of(
            new FieldViolation("username", "Username is required for a register trunk"),
            new FieldViolation("password", "Password is required for a register trunk")),
        draft.violations(false));
    assertEquals(
        List.of(new FieldViolation("username", "Username is required for a register trunk")),
        draft.violations(true));
  }

  @Test
  void everyWrongFieldIsReportedAtOnce() {
    TrunkDraft draft =
        new TrunkDraft(
            "a/b",
            "gateway",
            "bad host",
            70000,
            "sctp",
            "bad domain",
            "user name",
            "auth\"name",
            "pass\nword",
            "proxy:0",
            30,
            "12ab",
            "Name \"quoted\"",
            0,
            null,
            null);
    assertEquals(
        List.of(
            "name",
            "kind",
            "host",
            "port",
            "transport",
            "domain",
            "username",
            "authName",
            "password",
            "outboundProxy",
            "registrationExpiry",
            "callerIdNumber",
            "callerIdName",
            "maxConcurrentCalls"),
        draft.violations(false).stream().map(FieldViolation::field).toList());
  }

  @Test
  void requiredFieldsSaySo() {
    assertEquals(
        List.of(
            new FieldViolation("name", "Trunk name is required"),
            new FieldViolation("kind", "Trunk type is required"),
            new FieldViolation("host", "Hostname or IP address is required")),
        new TrunkDraft(
                " ", null, "", null, null, null, null, null, null, null, null, null, null, null,
                null, null)
            .violations(false));
  }

  @Test
  void limitsAreInclusive() {
    TrunkDraft draft =
        new TrunkDraft(
            "T",
            "PEER",
            "::1",
            65535,
            "TCP",
            "example.net",
            null,
            null,
            null,
            "[2001:db8::1]:5060",
            60,
            "+4930555100",
            "Front desk",
            10_000,
            true,
            true);
    assertEquals(List.of(), draft.violations(false));
  }
}
