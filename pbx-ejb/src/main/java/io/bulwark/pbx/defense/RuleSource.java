package io.bulwark.pbx.defense;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the packets a static rule decides come from: an address or network, a domain name whose
 * addresses are looked up now and then, or a MAC address, which only the kernel sees (and only of
 * hosts on the same link).
 */
public sealed interface RuleSource {

  /** The source as it is stored and shown. */
  String text();

  /** An address or network, matched as it is. */
  record Network(CidrBlock block) implements RuleSource {
    @Override
    public String text() {
      return block.toString();
    }
  }

  /** A domain name (RFC 1123), matched by the addresses it stood for at the last look-up. */
  record HostName(String name) implements RuleSource {
    @Override
    public String text() {
      return name;
    }
  }

  /** The hardware address of a host on one of the server's links, in lower case with colons. */
  record MacAddress(String address) implements RuleSource {
    @Override
    public String text() {
      return address;
    }
  }

  /** Labels of letters, digits and inner hyphens; the last one is not all digits. */
  Pattern HOST_NAME =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*"
              + "(?![0-9]+$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  Pattern MAC = Pattern.compile("[0-9a-f]{2}([:-])[0-9a-f]{2}(\\1[0-9a-f]{2}){4}");

  /**
   * The source {@code text} names.
   *
   * @throws IllegalArgumentException with a message fit for the person who typed it
   */
  static RuleSource parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A source is required");
    }
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    if (MAC.matcher(trimmed).matches()) {
      return new MacAddress(trimmed.replace('-', ':'));
    }
    if (trimmed.indexOf(':') < 0 && trimmed.indexOf('/') < 0) {
      String name = trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
      if (HOST_NAME.matcher(name).matches()) {
        return new HostName(name);
      }
    }
    try {
      return new Network(CidrBlock.parse(trimmed));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "\""
              + text.strip()
              + "\" is not an IP address, a network (address/prefix), a domain name or a MAC"
              + " address");
    }
  }
}
