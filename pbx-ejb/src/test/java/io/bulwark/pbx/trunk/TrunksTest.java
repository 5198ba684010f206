package io.bulwark.pbx.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrunksTest {

  private static final InetAddress CARRIER = address("203.0.113.7");
  private static final InetAddress CARRIER_BACKUP = address("203.0.113.8");
  private static final InetAddress ELSEWHERE = address("198.51.100.1");
  private static final InetAddress PROVIDER = address("192.0.2.10");

  private static final TrunkProfile REGISTER =
      profile(1, "Provider", TrunkKind.REGISTER, "sip.example.net", true);
  private static final TrunkProfile PEER =
      profile(2, "Carrier", TrunkKind.PEER, "carrier.example.net", true);
  private static final TrunkProfile DISABLED_PEER =
      profile(3, "Old carrier", TrunkKind.PEER, "old.example.net", false);
  private static final TrunkProfile DISABLED_REGISTER =
      profile(4, "Old provider", TrunkKind.REGISTER, "old-sip.example.net", false);

  private static final Map<String, List<InetAddress>> DNS =
      Map.of(
          "carrier.example.net", List.of(CARRIER, CARRIER_BACKUP),
          "sip.example.net", List.of(PROVIDER),
          "old.example.net", List.of(ELSEWHERE));

  private final Trunks trunks =
      Trunks.of(
          List.of(REGISTER, PEER, DISABLED_PEER, DISABLED_REGISTER),
          host -> DNS.getOrDefault(host, List.of()));

  @Test
  void aRequestFromAnAddressOfAnEnabledPeerIsThatPeers() {
    assertEquals(Optional.of(PEER), trunks.at(CARRIER));
    assertEquals(Optional.of(PEER), trunks.at(CARRIER_BACKUP));
  }

  @Test
  void aRequestFromTheHostOfAnEnabledRegisterTrunkIsThatTrunks() {
    assertEquals(Optional.of(REGISTER), trunks.at(PROVIDER));
  }

  @Test
  void aDisabledPeerOrAnyOtherAddressIsNoTrunk() {
    assertEquals(Optional.empty(), trunks.at(ELSEWHERE));
    assertEquals(Optional.empty(), trunks.at(address("127.0.0.1")));
  }

  @Test
  void onlyEnabledRegisterTrunksAreRegistered() {
    assertEquals(List.of(REGISTER), trunks.toRegister());
  }

  @Test
  void anOutboundCallTriesTheEnabledTrunksInTheRoutesOrder() {
    assertEquals(List.of(PEER, REGISTER), trunks.usable(List.of(2L, 3L, 99L, 1L)));
  }

  @Test
  void aPeerWhoseHostDoesNotResolveMatchesNothing() {
    Trunks unresolved = Trunks.of(List.of(PEER), host -> List.of());
    assertEquals(Optional.empty(), unresolved.at(CARRIER));
    assertEquals(Optional.of(PEER), unresolved.byId(2));
  }

  @Test
  void theNextHopIsTheOutboundProxyWhenThereIsOne() {
    assertEquals(new HostPort("sip.example.net", 5060), REGISTER.nextHop());
    TrunkProfile proxied =
        new TrunkProfile(
            5,
            "Proxied",
            TrunkKind.REGISTER,
            new HostPort("sip.example.net", 5060),
            Transport.UDP,
            "example.net",
            new HostPort("proxy.example.net", 5080),
            null,
            3600,
            null,
            null,
            null,
            true,
            true);
    assertEquals(new HostPort("proxy.example.net", 5080), proxied.nextHop());
  }

  @Test
  void credentialsNeverShowTheirPassword() {
    assertEquals(
        "TrunkCredentials[4930555100/auth]",
        new TrunkCredentials("4930555100", "auth", "s3cret").toString());
  }

  private static TrunkProfile profile(
      long id, String name, TrunkKind kind, String host, boolean enabled) {
    return new TrunkProfile(
        id,
        name,
        kind,
        new HostPort(host, 5060),
        Transport.UDP,
        host,
        null,
        kind == TrunkKind.REGISTER ? new TrunkCredentials("user", "user", "pw") : null,
        3600,
        null,
        null,
        null,
        enabled,
        true);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
