package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the servers that {@code ./bulwark test} started for this suite listen, and the secrets it
 * generated for them. Fails loudly when the suite was started without them.
 */
public final class TestEnvironment {

  private TestEnvironment() {}

  public static Path home() {
    Path home = Path.of(System.getProperty("bulwark.home"));
    if (!Files.isDirectory(home.resolve("secrets"))) {
      throw new IllegalStateException(
          "No test servers in " + home + ": run the suite with ./bulwark test");
    }
    return home;
  }

  public static Path ear() {
    return Path.of(System.getProperty("bulwark.ear"));
  }

  public static String secret(String name) {
    try {
      return Files.readString(home().resolve("secrets").resolve(name)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static int port(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null ? fallback : Integer.parseInt(value);
  }

  public static String publicUrl() {
    return "https://localhost:" + port("BULWARK_HTTPS_PORT", 18443);
  }

  public static String keycloakUrl() {
    return "http://127.0.0.1:" + port("BULWARK_KEYCLOAK_PORT", 18180);
  }

  public static int sipPort() {
    return port("BULWARK_SIP_PORT", 15060);
  }

  /**
   * A loopback port free for both UDP and TCP, for a phone that listens on both (baresip) or a sipp
   * phone: a port only probed over UDP may be taken for TCP.
   */
  public static int freeSipPort() {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (java.net.ServerSocket tcp =
              new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
          java.net.DatagramSocket udp =
              new java.net.DatagramSocket(
                  tcp.getLocalPort(), java.net.InetAddress.getLoopbackAddress())) {
        return udp.getLocalPort();
      } catch (IOException e) {
        // Taken for UDP: try another.
      }
    }
    throw new IllegalStateException("no loopback port free for UDP and TCP");
  }

  /**
   * A loopback port free for UDP and TCP outside every port and range in {@code settings}' {@code
   * others} (as the service ports endpoints list them).
   */
  public static int freePortOutside(jakarta.json.JsonObject settings) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = freeSipPort();
      boolean used =
          settings.getJsonArray("others").getValuesAs(jakarta.json.JsonObject.class).stream()
              .anyMatch(o -> o.getInt("from") <= port && port <= o.getInt("to"));
      if (!used) {
        return port;
      }
    }
    throw new IllegalStateException("no free port outside the other services' ranges");
  }

  /**
   * A port free on {@code address} for UDP and TCP, with the next one free for TCP too: baresip
   * listens for SIP over UDP and TCP on its port and for SIP over TLS on the next.
   */
  @SuppressWarnings("try") // The sockets only prove their ports free.
  public static int freeBaresipPort(java.net.InetAddress address) {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (java.net.ServerSocket tcp = new java.net.ServerSocket(0, 1, address)) {
        int port = tcp.getLocalPort();
        if (port >= 65535) {
          continue;
        }
        try (java.net.DatagramSocket udp = new java.net.DatagramSocket(port, address);
            java.net.ServerSocket tls = new java.net.ServerSocket(port + 1, 1, address)) {
          return port;
        }
      } catch (IOException e) {
        // Taken: try another.
      }
    }
    throw new IllegalStateException("no pair of free ports on " + address);
  }

  public static String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port("BULWARK_DB_PORT", 13306) + "/bulwark";
  }
}
