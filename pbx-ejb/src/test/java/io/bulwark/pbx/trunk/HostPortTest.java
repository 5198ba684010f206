package io.bulwark.pbx.trunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sip.example.net",
        "provider",
        "sip-1.example.net.",
        "203.0.113.7",
        "2001:db8::1",
        "[2001:db8::1]",
        "::1"
      })
  void hosts(String host) {
    assertTrue(HostPort.isHost(host));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sip example.net",
        "-sip.example.net",
        "sip..example.net",
        "sip.example.net:5060",
        "999.1.1.1",
        "1.2.3",
        "2001:db8:::1",
        "user@sip.example.net",
        "<sip:x>"
      })
  void notHosts(String host) {
    assertFalse(HostPort.isHost(host));
  }

  @ParameterizedTest
  @CsvSource({
    "proxy.example.net, proxy.example.net, 0",
    "proxy.example.net:5080, proxy.example.net, 5080",
    "203.0.113.7:5060, 203.0.113.7, 5060",
    "[2001:db8::1]:5061, 2001:db8::1, 5061",
    "[2001:db8::1], 2001:db8::1, 0",
    "' proxy:1 ', proxy, 1"
  })
  void parsesHostAndPort(String text, String host, int port) {
    assertEquals(Optional.of(new HostPort(host, port)), HostPort.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "proxy:0",
        "proxy:65536",
        "proxy:",
        "proxy:x",
        "[2001:db8::1]5060",
        "[2001:db8::1",
        "bad host:5060"
      })
  void refusesWhatIsNoHostAndPort(String text) {
    assertEquals(Optional.empty(), HostPort.parse(text));
  }

  @ParameterizedTest
  @CsvSource({
    "proxy, 0, proxy",
    "proxy, 5080, proxy:5080",
    "2001:db8::1, 5061, [2001:db8::1]:5061"
  })
  void isWrittenAsTyped(String host, int port, String text) {
    assertEquals(text, new HostPort(host, port).toString());
  }
}
