package io.bulwark.pbx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.system.FieldViolation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationSecurityDraftTest {

  @Test
  void missingFieldsTakeANewExtensionsValues() {
    RegistrationSecurityDraft draft = new RegistrationSecurityDraft(null, null, null, null, null);

    assertEquals(List.of(), draft.violations());
    assertEquals(RegistrationGuard.DEFAULT, new RegistrationSecurity(draft).guard());
  }

  @Test
  void theGuardIsWhatWasTypedCleaned() {
    RegistrationSecurityDraft draft =
        new RegistrationSecurityDraft(
            3,
            Arrays.asList(" Yealink ", "", null, "Yealink", "Snom"),
            List.of(
                "203.0.113.9", " 192.168.5.77/255.255.255.0 ", "2001:db8::/32", "192.168.5.0/24"),
            true,
            false);

    RegistrationSecurity stored = new RegistrationSecurity(draft);

    assertEquals(List.of(), draft.violations());
    assertEquals(List.of("Yealink", "Snom"), stored.getUserAgents());
    assertEquals(
        List.of("203.0.113.9", "192.168.5.0/24", "2001:db8::/32"), stored.getPermittedIps());
    assertEquals(3, stored.getConcurrentRegistrations());
    assertEquals(true, stored.isRemoteRegistration());
    assertEquals(3, stored.guard().permittedIps().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 11})
  void concurrentRegistrationsAreOneToTen(int devices) {
    assertEquals(
        List.of(new FieldViolation("concurrentRegistrations", "From 1 to 10 devices")),
        new RegistrationSecurityDraft(devices, null, null, null, null).violations());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "203.0.113.300",
        "office.example.com",
        "10.0.0.0/33",
        "10.0.0.0/255.0.255.0",
        "10.0.0.0/255.255.255.256"
      })
  void aWrongPermittedIpIsNamed(String ip) {
    List<FieldViolation> found =
        new RegistrationSecurityDraft(1, null, List.of(ip), null, null).violations();

    assertEquals(1, found.size());
    assertEquals("permittedIps", found.get(0).field());
    assertEquals(true, found.get(0).message().startsWith(ip + ": "), found.get(0).message());
  }

  @Test
  void listsAreBounded() {
    List<String> agents =
        Collections.nCopies(21, "x").stream().map(x -> x + Math.random()).toList();
    List<String> ips =
        java.util.stream.IntStream.range(0, 51).mapToObj(i -> "10.0.0." + i).toList();

    assertEquals(
        List.of("userAgents", "permittedIps"),
        new RegistrationSecurityDraft(1, agents, ips, false, false)
            .violations().stream().map(FieldViolation::field).toList());
    assertEquals(
        List.of("userAgents"),
        new RegistrationSecurityDraft(1, List.of("a".repeat(65)), null, false, false)
            .violations().stream().map(FieldViolation::field).toList());
  }
}
