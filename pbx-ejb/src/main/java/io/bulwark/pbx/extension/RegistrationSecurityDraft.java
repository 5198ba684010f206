package io.bulwark.pbx.extension;

import io.bulwark.pbx.defense.CidrBlock;
import io.bulwark.pbx.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An extension's registration security as an administrator writes it. A missing field takes the
 * value of a new extension ({@link RegistrationGuard#DEFAULT}). A permitted IP is an address, a
 * network in CIDR form, or an address and a subnet mask ({@code 203.0.113.0/255.255.255.0}) as the
 * guide's table shows them.
 */
public record RegistrationSecurityDraft(
    Integer concurrentRegistrations,
    List<String> userAgents,
    List<String> permittedIps,
    Boolean remoteRegistration,
    Boolean tlsOnly) {

  /** The most devices one extension may have: also the cap on its contacts. */
  public static final int MAX_CONCURRENT = 10;

  static final int MAX_USER_AGENTS = 20;
  static final int MAX_USER_AGENT = 64;
  static final int MAX_PERMITTED_IPS = 50;

  private static final Pattern MASKED = Pattern.compile("([0-9.]+)/((?:\\d{1,3}\\.){3}\\d{1,3})");

  public List<FieldViolation> violations() {
    List<FieldViolation> found = new ArrayList<>();
    if (concurrentRegistrations != null
        && (concurrentRegistrations < 1 || concurrentRegistrations > MAX_CONCURRENT)) {
      found.add(
          new FieldViolation(
              "concurrentRegistrations", "From 1 to " + MAX_CONCURRENT + " devices"));
    }
    List<String> agents = cleanUserAgents();
    if (agents.size() > MAX_USER_AGENTS) {
      found.add(new FieldViolation("userAgents", "At most " + MAX_USER_AGENTS + " user agents"));
    } else if (agents.stream()
        .anyMatch(
            a -> a.length() > MAX_USER_AGENT || a.chars().anyMatch(Character::isISOControl))) {
      found.add(
          new FieldViolation(
              "userAgents", "Each user agent at most " + MAX_USER_AGENT + " printable characters"));
    }
    List<String> ips = cleanPermittedIps();
    if (ips.size() > MAX_PERMITTED_IPS) {
      found.add(new FieldViolation("permittedIps", "At most " + MAX_PERMITTED_IPS + " addresses"));
    } else {
      for (String ip : ips) {
        try {
          block(ip);
        } catch (IllegalArgumentException e) {
          found.add(new FieldViolation("permittedIps", ip + ": " + e.getMessage()));
          break;
        }
      }
    }
    return found;
  }

  int concurrentRegistrationsOrDefault() {
    return Objects.requireNonNullElse(
        concurrentRegistrations, RegistrationGuard.DEFAULT.concurrentRegistrations());
  }

  /** The user agents without blanks, surrounding spaces or repeats. */
  List<String> cleanUserAgents() {
    return clean(userAgents);
  }

  /** The permitted IPs as blocks; call only when {@link #violations()} found none. */
  List<CidrBlock> permittedBlocks() {
    return cleanPermittedIps().stream().map(RegistrationSecurityDraft::block).distinct().toList();
  }

  private List<String> cleanPermittedIps() {
    return clean(permittedIps);
  }

  private static List<String> clean(List<String> values) {
    return values == null
        ? List.of()
        : values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
  }

  private static CidrBlock block(String text) {
    Matcher masked = MASKED.matcher(text);
    if (masked.matches()) {
      return CidrBlock.parse(masked.group(1) + "/" + prefixOf(masked.group(2)));
    }
    return CidrBlock.parse(text);
  }

  /** The prefix length of a dotted subnet mask, which must be ones followed by zeros. */
  private static int prefixOf(String mask) {
    CidrBlock parsed = CidrBlock.parse(mask);
    byte[] bytes = parsed.network().getAddress();
    int bits = 0;
    for (byte b : bytes) {
      bits = bits << 8 | (b & 0xff);
    }
    int prefix = Integer.bitCount(bits);
    if (bits != (prefix == 0 ? 0 : -1 << (32 - prefix))) {
      throw new IllegalArgumentException("The subnet mask must be ones followed by zeros");
    }
    return prefix;
  }
}
