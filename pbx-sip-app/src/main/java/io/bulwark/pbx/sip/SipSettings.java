package io.bulwark.pbx.sip;

import static io.bulwark.pbx.sip.Settings.valueOf;

import io.bulwark.pbx.system.SipPorts;
import io.bulwark.sip.SipContainerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * SIP settings from the environment ({@code BULWARK_SIP_HOST}, {@code BULWARK_SIP_PORT}, {@code
 * BULWARK_SIP_TRANSPORTS}, {@code BULWARK_SIP_REALM}, and for SIP over TLS {@code
 * BULWARK_SIP_TLS_PORT}, 5061 by default, 0 for none, with the certificate of {@code
 * BULWARK_TLS_KEYSTORE} and {@code BULWARK_TLS_PASSWORD}, the portal's), each overridable by the
 * system property of the same name in lower case with dots ({@code bulwark.sip.port}). TLS listens
 * only when the key store exists.
 */
record SipSettings(
    String host, int port, Set<String> transports, String realm, SipContainerConfig.Tls tls) {

  static SipSettings from(UnaryOperator<String> lookup) {
    String transports = valueOf(lookup, "BULWARK_SIP_TRANSPORTS", "udp,tcp");
    String port = valueOf(lookup, "BULWARK_SIP_PORT", "5060");
    String tlsPort = valueOf(lookup, "BULWARK_SIP_TLS_PORT", "5061");
    String keyStore = valueOf(lookup, "BULWARK_TLS_KEYSTORE", "");
    Set<String> chosen =
        Arrays.stream(transports.split(","))
            .map(String::trim)
            .map(String::toLowerCase)
            .filter(t -> !t.isEmpty() && !t.equals("tls"))
            .collect(Collectors.toCollection(HashSet::new));
    SipContainerConfig.Tls tls = null;
    int tlsNumber = number("BULWARK_SIP_TLS_PORT", tlsPort);
    if (tlsNumber > 0 && !keyStore.isEmpty() && Files.isReadable(Path.of(keyStore))) {
      tls =
          new SipContainerConfig.Tls(
              tlsNumber, Path.of(keyStore), valueOf(lookup, "BULWARK_TLS_PASSWORD", ""));
      chosen.add("tls");
    }
    return new SipSettings(
        valueOf(lookup, "BULWARK_SIP_HOST", "0.0.0.0"),
        number("BULWARK_SIP_PORT", port),
        chosen,
        valueOf(lookup, "BULWARK_SIP_REALM", "bulwark"),
        tls);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + value, e);
    }
  }

  /**
   * The environment's settings, with SIP on {@code ports}, which an administrator may have moved.
   */
  static SipSettings fromEnvironment(SipPorts ports) {
    UnaryOperator<String> environment = Settings.environment();
    return from(
        name ->
            switch (name) {
              case "BULWARK_SIP_PORT" -> Integer.toString(ports.port());
              case "BULWARK_SIP_TLS_PORT" -> Integer.toString(ports.tlsPort());
              default -> environment.apply(name);
            });
  }

  /** The port a request that came over {@code transport} ({@code UDP}, {@code TLS}...) reached. */
  int portOf(String transport) {
    return "TLS".equalsIgnoreCase(transport) && tls != null ? tls.port() : port;
  }

  SipContainerConfig containerConfig() {
    return new SipContainerConfig(host, port, transports, "bulwark", tls);
  }
}
