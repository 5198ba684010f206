package io.bulwark.pbx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.defense.CidrBlock;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RegistrationGuardTest {

  private static final Predicate<InetAddress> LOCAL = CidrBlock.parse("192.168.0.0/16")::contains;
  private static final InetAddress DESK = ip("192.168.1.20");
  private static final InetAddress HOME_OFFICE = ip("198.51.100.7");

  @Test
  void aNewExtensionAcceptsAnyLocalDeviceAndNothingRemote() {
    RegistrationGuard guard = RegistrationGuard.DEFAULT;

    assertEquals(Optional.empty(), guard.refusal(DESK, "Yealink SIP-T46U", "UDP", LOCAL));
    assertEquals(Optional.empty(), guard.refusal(DESK, null, "UDP", LOCAL));
    assertEquals(
        Optional.of("remote registration is not allowed for the extension"),
        guard.refusal(HOME_OFFICE, "Yealink SIP-T46U", "UDP", LOCAL));
    assertEquals(1, guard.concurrentRegistrations());
  }

  @Test
  void remoteRegistrationAdmitsAnyAddressWhenNoneIsListed() {
    RegistrationGuard guard = new RegistrationGuard(1, List.of(), List.of(), true, false);

    assertEquals(Optional.empty(), guard.refusal(HOME_OFFICE, "Linphone", "UDP", LOCAL));
  }

  @Test
  void userAgentsArePrefixesOfAnyCase() {
    RegistrationGuard guard =
        new RegistrationGuard(1, List.of("Yealink", "Grandstream GXP"), List.of(), false, false);

    assertEquals(
        Optional.empty(), guard.refusal(DESK, "Yealink SIP-T46U 66.86.0.15", "UDP", LOCAL));
    assertEquals(Optional.empty(), guard.refusal(DESK, "yealink W60B", "UDP", LOCAL));
    assertEquals(Optional.empty(), guard.refusal(DESK, "Grandstream GXP2170 1.0.11", "UDP", LOCAL));
    String refused = "user agent is not permitted for the extension";
    assertEquals(Optional.of(refused), guard.refusal(DESK, "Grandstream HT801", "UDP", LOCAL));
    assertEquals(
        Optional.of(refused), guard.refusal(DESK, "friendly-scanner Yealink", "UDP", LOCAL));
    assertEquals(
        Optional.of(refused), guard.refusal(DESK, null, "UDP", LOCAL), "no User-Agent at all");
  }

  @Test
  void permittedIpsAdmitOnlyTheirAddressesAndARemoteOneStillNeedsRemoteRegistration() {
    List<CidrBlock> permitted =
        List.of(CidrBlock.parse("192.168.1.0/24"), CidrBlock.parse("198.51.100.7"));
    RegistrationGuard localOnly = new RegistrationGuard(1, List.of(), permitted, false, false);
    RegistrationGuard remoteToo = new RegistrationGuard(1, List.of(), permitted, true, false);
    String notPermitted = "source address is not among the extension's permitted IPs";

    assertEquals(Optional.empty(), localOnly.refusal(DESK, "x", "UDP", LOCAL));
    assertEquals(
        Optional.of(notPermitted), localOnly.refusal(ip("192.168.2.20"), "x", "UDP", LOCAL));
    assertEquals(
        Optional.of("remote registration is not allowed for the extension"),
        localOnly.refusal(HOME_OFFICE, "x", "UDP", LOCAL));
    assertEquals(Optional.empty(), remoteToo.refusal(HOME_OFFICE, "x", "UDP", LOCAL));
    assertEquals(
        Optional.of(notPermitted), remoteToo.refusal(ip("198.51.100.8"), "x", "UDP", LOCAL));
  }

  @Test
  void aTlsOnlyExtensionRefusesEveryOtherTransport() {
    RegistrationGuard guard = new RegistrationGuard(1, List.of(), List.of(), false, true);

    assertEquals(Optional.empty(), guard.refusal(DESK, "x", "TLS", LOCAL));
    assertEquals(
        Optional.of("the extension takes SIP over TLS only"),
        guard.refusal(DESK, "x", "UDP", LOCAL));
    assertEquals(
        Optional.of("the extension takes SIP over TLS only"),
        guard.refusal(DESK, "x", "TCP", LOCAL));
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
