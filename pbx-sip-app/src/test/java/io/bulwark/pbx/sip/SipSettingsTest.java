package io.bulwark.pbx.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.sip.SipContainerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SipSettingsTest {

  private static SipSettings from(Map<String, String> values) {
    return SipSettings.from(values::get);
  }

  @Test
  void defaults() {
    SipSettings settings = from(Map.of());
    assertEquals("0.0.0.0", settings.host());
    assertEquals(5060, settings.port());
    assertEquals(Set.of("udp", "tcp"), settings.transports());
    assertEquals("bulwark", settings.realm());
  }

  @Test
  void overrides() {
    SipSettings settings =
        from(
            Map.of(
                "BULWARK_SIP_HOST", "192.0.2.10",
                "BULWARK_SIP_PORT", "15070",
                "BULWARK_SIP_TRANSPORTS", "tcp",
                "BULWARK_SIP_REALM", "pbx.example.com"));
    assertEquals("192.0.2.10", settings.host());
    assertEquals(15070, settings.port());
    assertEquals(Set.of("tcp"), settings.transports());
    assertEquals("pbx.example.com", settings.realm());
  }

  @Test
  void tlsListensWhenItsKeyStoreExists(@TempDir Path dir) throws IOException {
    Path keyStore = Files.writeString(dir.resolve("https.p12"), "stands in for a key store");

    SipSettings settings =
        from(
            Map.of(
                "BULWARK_TLS_KEYSTORE", keyStore.toString(),
                "BULWARK_TLS_PASSWORD", "secret",
                "BULWARK_SIP_TLS_PORT", "15061"));

    assertEquals(Set.of("udp", "tcp", "tls"), settings.transports());
    assertEquals(new SipContainerConfig.Tls(15061, keyStore, "secret"), settings.tls());
    assertEquals(15061, settings.portOf("TLS"));
    assertEquals(5060, settings.portOf("UDP"));
    assertEquals(15061, settings.containerConfig().portOf("tls"));
  }

  @Test
  void tlsIsOffWithoutAKeyStoreOrWithPortZero(@TempDir Path dir) throws IOException {
    Path keyStore = Files.writeString(dir.resolve("https.p12"), "stands in for a key store");

    assertEquals(null, from(Map.of()).tls());
    assertEquals(
        null, from(Map.of("BULWARK_TLS_KEYSTORE", dir.resolve("missing.p12").toString())).tls());
    assertEquals(
        Set.of("udp", "tcp"),
        from(Map.of("BULWARK_TLS_KEYSTORE", keyStore.toString(), "BULWARK_SIP_TLS_PORT", "0"))
            .transports());
    assertEquals(
        Set.of("udp"),
        from(Map.of("BULWARK_SIP_TRANSPORTS", "udp,tls")).transports(),
        "TLS comes from its key store, not from the list");
  }

  @Test
  void portIsTrimmed() {
    assertEquals(5070, from(Map.of("BULWARK_SIP_PORT", " 5070 ")).port());
  }

  @Test
  void transportsAreTrimmedAndLowerCased() {
    assertEquals(
        Set.of("udp", "tcp"), from(Map.of("BULWARK_SIP_TRANSPORTS", " UDP , tcp")).transports());
  }

  @Test
  void emptyTransportEntriesAreDropped() {
    assertEquals(Set.of("udp"), from(Map.of("BULWARK_SIP_TRANSPORTS", "udp,, ,")).transports());
  }

  @Test
  void blankValuesFallBackToDefaults() {
    SipSettings settings =
        from(
            Map.of(
                "BULWARK_SIP_HOST", "",
                "BULWARK_SIP_PORT", "   ",
                "BULWARK_SIP_TRANSPORTS", " ",
                "BULWARK_SIP_REALM", "\t"));
    assertEquals("0.0.0.0", settings.host());
    assertEquals(5060, settings.port());
    assertEquals(Set.of("udp", "tcp"), settings.transports());
    assertEquals("bulwark", settings.realm());
  }

  @Test
  void nonNumericPortIsRejectedNamingTheVariable() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("BULWARK_SIP_PORT", "sip")));
    assertTrue(e.getMessage().contains("BULWARK_SIP_PORT"), e.getMessage());
    assertTrue(e.getMessage().contains("sip"), e.getMessage());
  }

  @Test
  void containerConfigCarriesHostPortAndTransports() {
    SipContainerConfig config =
        from(Map.of(
                "BULWARK_SIP_HOST", "127.0.0.1",
                "BULWARK_SIP_PORT", "5070",
                "BULWARK_SIP_TRANSPORTS", "udp"))
            .containerConfig();
    assertEquals("127.0.0.1", config.host());
    assertEquals(5070, config.port());
    assertEquals(Set.of("udp"), config.transports());
  }

  @Test
  void containerConfigRejectsPortOutOfRange() {
    SipSettings settings = from(Map.of("BULWARK_SIP_PORT", "70000"));
    assertEquals(70000, settings.port());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, settings::containerConfig);
    assertTrue(e.getMessage().contains("70000"), e.getMessage());
  }

  @Test
  void containerConfigRejectsUnknownTransport() {
    SipSettings settings = from(Map.of("BULWARK_SIP_TRANSPORTS", "sctp"));
    assertEquals(Set.of("sctp"), settings.transports());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, settings::containerConfig);
    assertTrue(e.getMessage().contains("sctp"), e.getMessage());
  }
}
