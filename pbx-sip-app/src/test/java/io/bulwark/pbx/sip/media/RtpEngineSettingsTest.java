package io.bulwark.pbx.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RtpEngineSettingsTest {

  private static RtpEngineSettings from(String value) {
    return RtpEngineSettings.from(Map.of("BULWARK_RTPENGINE_NG", value)::get);
  }

  @Test
  void defaultsToTheLoopbackPortTheLauncherUses() {
    assertEquals(
        new InetSocketAddress("127.0.0.1", 2223),
        RtpEngineSettings.from(Map.<String, String>of()::get).ngAddress());
    assertEquals(
        new InetSocketAddress("127.0.0.1", 2224),
        RtpEngineSettings.from(Map.<String, String>of()::get).dtmfAddress(),
        "rtpengine reports keys next to its NG port");
    assertEquals(
        new InetSocketAddress("127.0.0.1", 12224),
        RtpEngineSettings.from(Map.of("BULWARK_RTPENGINE_DTMF", "127.0.0.1:12224")::get)
            .dtmfAddress());
  }

  @Test
  void readsHostAndPort() {
    assertEquals(new InetSocketAddress("127.0.0.2", 12223), from(" 127.0.0.2:12223 ").ngAddress());
    assertEquals(new InetSocketAddress("::1", 2223), from("[::1]:2223").ngAddress());
  }

  @Test
  void blankFallsBackToTheDefault() {
    assertEquals(2223, from("  ").ngAddress().getPort());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", ":2223", "127.0.0.1:", "127.0.0.1:ng", "127.0.0.1:70000"})
  void refusesWhatIsNotHostAndPort(String value) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> from(value));
    assertEquals(true, refused.getMessage().startsWith("BULWARK_RTPENGINE_NG "));
  }

  @Test
  void aSystemPropertyOverridesTheEnvironment() {
    System.setProperty("bulwark.rtpengine.ng", "127.0.0.3:3223");
    try {
      assertEquals(
          new InetSocketAddress("127.0.0.3", 3223),
          RtpEngineSettings.fromEnvironment().ngAddress());
    } finally {
      System.clearProperty("bulwark.rtpengine.ng");
    }
  }
}
