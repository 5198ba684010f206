package io.bulwark.pbx.identity;

import io.bulwark.pbx.defense.CidrBlock;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A failed login as Keycloak's relay reports it (one datagram, see the {@code keycloak} module's
 * {@code LoginFailure}): lines of a fixed header, the shared secret, the kind, the address, the
 * login and Keycloak's error. Anything else, or a wrong secret, is no report.
 *
 * @param client whether an API client guessed at its secret, rather than a person at a password
 * @param login the user name or client id tried, {@code null} when none was sent
 */
public record LoginFailureReport(boolean client, InetAddress source, String login, String error) {

  static final String HEADER = "bulwark-login-failure/1";

  /** The report {@code datagram} holds, when it is one and carries {@code secret}. */
  public static Optional<LoginFailureReport> parse(byte[] datagram, int length, String secret) {
    String[] lines = new String(datagram, 0, length, StandardCharsets.UTF_8).split("\n", -1);
    if (lines.length != 6
        || !lines[0].equals(HEADER)
        || !MessageDigest.isEqual(
            lines[1].getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))
        || !(lines[2].equals("USER") || lines[2].equals("CLIENT"))) {
      return Optional.empty();
    }
    InetAddress source;
    try {
      CidrBlock address = CidrBlock.parse(lines[3]);
      if (lines[3].contains("/")) {
        return Optional.empty();
      }
      source = address.network();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(
        new LoginFailureReport(
            lines[2].equals("CLIENT"), source, value(lines[4]), value(lines[5])));
  }

  /**
   * The account the guess was at, as Blocked IPs and the event log name it: {@code WebUser:admin},
   * {@code ApiClient:backup-script}, {@code WebUser:?} when no name was sent.
   */
  public String account() {
    return (client ? "ApiClient:" : "WebUser:") + (login == null ? "?" : login);
  }

  private static String value(String line) {
    return line.isEmpty() || line.equals("-") ? null : line;
  }
}
