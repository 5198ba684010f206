package io.bulwark.pbx.trunk;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host name or IP address with an optional port, as an administrator types a provider's address
 * or an outbound proxy: {@code sip.example.net}, {@code 203.0.113.7:5080}, {@code [2001:db8::1]}.
 *
 * @param port 0 when none was given
 */
public record HostPort(String host, int port) {

  private static final Pattern NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /** A host name, an IPv4 address or an IPv6 address (bare or in brackets), nothing else. */
  public static boolean isHost(String text) {
    if (text == null) {
      return false;
    }
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (bare.matches("[0-9.]+")) {
      return isIpv4(bare);
    }
    return NAME.matcher(bare).matches() || isIpv6(bare);
  }

  /** All digits and dots is never a name: it must be four numbers 0 to 255. */
  private static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String text) {
    return IPV6.matcher(text).matches()
        && text.chars().filter(c -> c == ':').count() >= 2
        && text.indexOf(":::") < 0;
  }

  /** {@code host}, {@code host:port} or {@code [v6]:port}; empty when it is none of these. */
  public static Optional<HostPort> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip();
    String host = value;
    String port = null;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = value.substring(1, close);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return Optional.empty();
        }
        port = rest.substring(1);
      }
    } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      host = value.substring(0, value.indexOf(':'));
      port = value.substring(value.indexOf(':') + 1);
    }
    if (!isHost(host)) {
      return Optional.empty();
    }
    if (port == null) {
      return Optional.of(new HostPort(host, 0));
    }
    if (!port.matches("[0-9]{1,5}")
        || Integer.parseInt(port) < 1
        || Integer.parseInt(port) > 65535) {
      return Optional.empty();
    }
    return Optional.of(new HostPort(host, Integer.parseInt(port)));
  }

  @Override
  public String toString() {
    String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == 0 ? shown : shown + ":" + port;
  }
}
