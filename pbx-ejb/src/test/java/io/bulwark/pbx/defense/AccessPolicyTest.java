package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessPolicyTest {

  /** The registry's answers for the addresses the tests use. */
  private static final Function<InetAddress, Optional<String>> COUNTRIES =
      address ->
          Optional.ofNullable(
              Map.of("5.9.0.1", "DE", "81.2.69.142", "GB").get(address.getHostAddress()));

  private static final AccessPolicy GERMANY_ONLY = new AccessPolicy(true, Set.of("DE"), false);

  @Test
  void anOpenPolicyRefusesNobody() {
    assertEquals(Optional.empty(), AccessPolicy.OPEN.refusal(ip("81.2.69.142"), COUNTRIES));
    assertEquals(Optional.empty(), AccessPolicy.OPEN.refusal(ip("192.0.2.1"), COUNTRIES));
  }

  @Test
  void theCountryFilterAdmitsOnlyAllowedCountries() {
    assertEquals(Optional.empty(), GERMANY_ONLY.refusal(ip("5.9.0.1"), COUNTRIES));
    assertEquals(
        Optional.of("Allowed country IPs: GB is not an allowed country"),
        GERMANY_ONLY.refusal(ip("81.2.69.142"), COUNTRIES));
    assertEquals(
        Optional.of("Allowed country IPs: its country is unknown"),
        GERMANY_ONLY.refusal(ip("192.0.2.1"), COUNTRIES));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.1.2.3",
        "172.31.0.1",
        "192.168.1.1",
        "127.0.0.9",
        "169.254.1.1",
        "100.64.0.1",
        "100.127.255.255",
        "::1",
        "fe80::1",
        "fd12:3456::1"
      })
  void privateAddressesAreNeverRefusedForTheirCountry(String address) {
    assertTrue(AccessPolicy.hasNoCountry(ip(address)));
    assertEquals(Optional.empty(), GERMANY_ONLY.refusal(ip(address), COUNTRIES));
  }

  @ParameterizedTest
  @ValueSource(strings = {"100.128.0.1", "100.63.255.255", "11.0.0.1", "2001:db8::1", "fe00::1"})
  void publicAddressesHaveACountry(String address) {
    assertFalse(AccessPolicy.hasNoCountry(ip(address)));
  }

  @Test
  void allowlistModeRefusesEveryoneItIsAsked() {
    AccessPolicy allowlist = new AccessPolicy(false, Set.of(), true);

    assertEquals(
        Optional.of("Allowlist mode: no Accept rule lists it"),
        allowlist.refusal(ip("10.1.2.3"), COUNTRIES),
        "the Accept rules and trunk providers are let in before the policy is asked");
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
