package io.bulwark.pbx.defense;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A block of addresses: one address ({@code 203.0.113.7}, {@code 2001:db8::1}) or a network with
 * its prefix length ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). Host bits given with a prefix are
 * cleared, as routers read {@code 192.168.1.5/24}: the network {@code 192.168.1.0/24}. Only
 * literals are accepted, so parsing never asks a name server.
 */
public final class CidrBlock {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  /**
   * By their text: an order that does not depend on where a list came from, so that the same blocks
   * in another order are the same list.
   */
  public static final Comparator<CidrBlock> TEXT_ORDER = Comparator.comparing(CidrBlock::toString);

  private final byte[] network;
  private final int prefix;

  private CidrBlock(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * The block {@code text} names.
   *
   * @throws IllegalArgumentException with a message fit for the person who typed it
   */
  public static CidrBlock parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("An address or network is required");
    }
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literal(address);
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = trimmed.substring(slash + 1);
      if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
        throw new IllegalArgumentException(
            "The prefix length after / must be a number from 0 to " + bits);
      }
      prefix = Integer.parseInt(length);
    }
    return new CidrBlock(masked(bytes, prefix), prefix);
  }

  /** The block of {@code address} alone. */
  public static CidrBlock of(InetAddress address) {
    byte[] bytes = address.getAddress();
    return new CidrBlock(bytes, bytes.length * 8);
  }

  /** Whether {@code address} lies in this block; an IPv4 address never lies in an IPv6 block. */
  public boolean contains(InetAddress address) {
    byte[] other = address.getAddress();
    if (other.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (other[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    return rest == 0 || ((other[whole] ^ network[whole]) & (0xff << (8 - rest))) == 0;
  }

  /** True for a block of exactly one address. */
  public boolean isSingleAddress() {
    return prefix == network.length * 8;
  }

  public boolean isIpv4() {
    return network.length == 4;
  }

  public int prefixLength() {
    return prefix;
  }

  /** The network's first address. */
  public InetAddress network() {
    try {
      return InetAddress.getByAddress(network);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four or sixteen bytes: never
    }
  }

  /**
   * {@code 10.0.0.0/8}, or the bare address for a single one; IPv6 in the short form of RFC 5952
   * ({@code 2001:db8::/32}), as people write it.
   */
  @Override
  public String toString() {
    String address = network.length == 4 ? network().getHostAddress() : ipv6Text(network);
    return isSingleAddress() ? address : address + "/" + prefix;
  }

  /** RFC 5952 section 4: the longest run of two or more zero groups (the first of equals) as ::. */
  private static String ipv6Text(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CidrBlock other
        && prefix == other.prefix
        && Arrays.equals(network, other.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  private static byte[] literal(String address) {
    if (IPV4.matcher(address).matches()) {
      String[] parts = address.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
      return bytes;
    }
    if (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()) {
      try {
        // With a colon in it, the JDK reads a literal and never resolves a name.
        InetAddress parsed = InetAddress.getByName(address);
        return parsed instanceof Inet4Address mapped ? mapped.getAddress() : parsed.getAddress();
      } catch (UnknownHostException e) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException(
        "\"" + address + "\" is not an IPv4 or IPv6 address (names are not accepted here)");
  }

  private static byte[] masked(byte[] bytes, int prefix) {
    byte[] network = bytes.clone();
    for (int i = 0; i < network.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      network[i] &= (byte) (0xff << (8 - keep));
    }
    return network;
  }
}
