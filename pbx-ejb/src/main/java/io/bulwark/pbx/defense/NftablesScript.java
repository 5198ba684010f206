package io.bulwark.pbx.defense;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The defenses as an nftables script for the table {@code inet bulwark}, which the kernel applies
 * before a packet reaches any socket: blocked sources are dropped, then the static rules decide in
 * their order, then, on Bulwark's own ports, trunk providers are accepted and the blocklist, the
 * country filter and allowlist mode drop what they refuse ({@link KernelAccess}), then the rate
 * rules on ports no Bulwark listener serves (SSH, custom ranges) block a source for the automatic
 * block time. Rate rules on SIP and the web are counted in process, whose blocks reach the kernel's
 * blocked sets. Every rule counts what it matched.
 */
final class NftablesScript {

  static final String TABLE = "inet bulwark";

  /** The comment of the rules that drop blocked sources, whose counters tell what they kept out. */
  static final String BLOCKED = "blocked";

  private static final int ELEMENTS_PER_LINE = 1_000;

  private NftablesScript() {}

  /**
   * Creates the table afresh, empty blocked sets included, in one transaction: the first line makes
   * sure there is a table to delete.
   */
  static String table(
      List<FirewallRule> statics,
      List<RateRule> kernelRates,
      int autoBlockMinutes,
      KernelAccess access) {
    StringBuilder s = new StringBuilder();
    s.append("table ").append(TABLE).append(" {}\n");
    s.append("delete table ").append(TABLE).append('\n');
    s.append("table ").append(TABLE).append(" {\n");
    s.append("  set blocked4 { type ipv4_addr; flags interval, timeout; }\n");
    s.append("  set blocked6 { type ipv6_addr; flags interval, timeout; }\n");
    for (String family : new String[] {"4", "6"}) {
      String type = family.equals("4") ? "ipv4_addr" : "ipv6_addr";
      s.append("  set peers").append(family).append(" { type ").append(type).append("; }\n");
      for (String set : new String[] {"listed", "allowed"}) {
        s.append("  set ").append(set).append(family).append(" { type ").append(type);
        s.append("; flags interval; auto-merge; }\n");
      }
    }
    s.append("  set auto4 { type ipv4_addr; flags dynamic, timeout; timeout ")
        .append(autoBlockMinutes)
        .append("m; }\n");
    s.append("  set auto6 { type ipv6_addr; flags dynamic, timeout; timeout ")
        .append(autoBlockMinutes)
        .append("m; }\n");
    for (int i = 0; i < kernelRates.size(); i++) {
      s.append("  set rate")
          .append(i)
          .append("v4 { type ipv4_addr; flags dynamic, timeout; timeout ")
          .append(kernelRates.get(i).limit().seconds())
          .append("s; }\n");
      s.append("  set rate")
          .append(i)
          .append("v6 { type ipv6_addr; flags dynamic, timeout; timeout ")
          .append(kernelRates.get(i).limit().seconds())
          .append("s; }\n");
    }
    s.append("  chain input {\n");
    s.append("    type filter hook input priority filter - 1; policy accept;\n");
    s.append("    ip saddr @blocked4 counter drop comment \"").append(BLOCKED).append("\"\n");
    s.append("    ip6 saddr @blocked6 counter drop comment \"").append(BLOCKED).append("\"\n");
    for (FirewallRule rule : statics) {
      staticRule(s, rule);
    }
    accessRules(s, access);
    s.append("    ip saddr @auto4 counter drop comment \"auto defense\"\n");
    s.append("    ip6 saddr @auto6 counter drop comment \"auto defense\"\n");
    for (int i = 0; i < kernelRates.size(); i++) {
      rateRule(s, i, kernelRates.get(i));
    }
    s.append("  }\n}\n");
    return s.toString();
  }

  /**
   * Trunk providers, the blocklist, the country filter and allowlist mode on Bulwark's ports, after
   * the static rules as in process.
   */
  private static void accessRules(StringBuilder s, KernelAccess access) {
    if (access.ports().isEmpty()) {
      return;
    }
    String ports =
        "    meta l4proto { tcp, udp } th dport "
            + access.ports().stream()
                .sorted()
                .map(String::valueOf)
                .collect(Collectors.joining(", ", "{ ", " }"));
    s.append(ports).append(" ip saddr @peers4 counter accept comment \"trunk providers\"\n");
    s.append(ports).append(" ip6 saddr @peers6 counter accept comment \"trunk providers\"\n");
    s.append(ports).append(" ip saddr @listed4 counter drop comment \"blocklist\"\n");
    s.append(ports).append(" ip6 saddr @listed6 counter drop comment \"blocklist\"\n");
    if (access.allowedNetworks() != null) {
      s.append(ports).append(" ip saddr != @allowed4 counter drop comment \"country filter\"\n");
      s.append(ports).append(" ip6 saddr != @allowed6 counter drop comment \"country filter\"\n");
    }
    if (access.allowlistOnly()) {
      s.append(ports).append(" counter drop comment \"allowlist mode\"\n");
    }
  }

  /**
   * Replaces the elements of the sets {@link KernelAccess} fills: trunk providers, the blocklist's
   * ranges, and the allowed countries' networks with the ranges that have no country.
   */
  static String access(KernelAccess access) {
    StringBuilder s = new StringBuilder();
    for (String set :
        new String[] {"peers4", "peers6", "listed4", "listed6", "allowed4", "allowed6"}) {
      s.append("flush set ").append(TABLE).append(' ').append(set).append('\n');
    }
    addElements(
        s,
        "peers4",
        access.trunkPeers().stream().filter(CidrBlock::isIpv4).map(CidrBlock::toString).toList());
    addElements(
        s,
        "peers6",
        access.trunkPeers().stream().filter(p -> !p.isIpv4()).map(CidrBlock::toString).toList());
    addElements(
        s,
        "listed4",
        access.blocklist().ipv4Ranges().stream()
            .map(
                r ->
                    r[0].equals(r[1])
                        ? r[0].getHostAddress()
                        : r[0].getHostAddress() + "-" + r[1].getHostAddress())
            .toList());
    addElements(
        s, "listed6", access.blocklist().ipv6Networks().stream().map(CidrBlock::toString).toList());
    if (access.allowedNetworks() != null) {
      List<CidrBlock> allowed = new ArrayList<>(access.allowedNetworks());
      allowed.addAll(AccessPolicy.NO_COUNTRY);
      addElements(
          s,
          "allowed4",
          allowed.stream().filter(CidrBlock::isIpv4).map(CidrBlock::toString).toList());
      addElements(
          s,
          "allowed6",
          allowed.stream().filter(n -> !n.isIpv4()).map(CidrBlock::toString).toList());
    }
    return s.toString();
  }

  /** Elements in chunks, so that no single line of the script grows without bound. */
  private static void addElements(StringBuilder s, String set, List<String> elements) {
    for (int from = 0; from < elements.size(); from += ELEMENTS_PER_LINE) {
      List<String> chunk =
          elements.subList(from, Math.min(elements.size(), from + ELEMENTS_PER_LINE));
      s.append("add element ").append(TABLE).append(' ').append(set).append(" { ");
      s.append(String.join(", ", chunk)).append(" }\n");
    }
  }

  /**
   * Replaces the blocked sets' elements with {@code blocks} in force at {@code now}, each with the
   * time it has left; a network that another block covers is left out, as an interval set takes no
   * overlap.
   */
  static String blocks(Collection<Block> blocks, Instant now) {
    List<Block> widestFirst = new ArrayList<>();
    for (Block b : blocks) {
      if (b.activeAt(now)) {
        widestFirst.add(b);
      }
    }
    widestFirst.sort(Comparator.comparingInt(b -> b.source().prefixLength()));
    List<Block> kept = new ArrayList<>();
    for (Block b : widestFirst) {
      if (kept.stream().noneMatch(k -> covers(k.source(), b.source()))) {
        kept.add(b);
      }
    }
    StringBuilder s = new StringBuilder();
    s.append("flush set ").append(TABLE).append(" blocked4\n");
    s.append("flush set ").append(TABLE).append(" blocked6\n");
    elements(s, "blocked4", kept.stream().filter(b -> b.source().isIpv4()).toList(), now);
    elements(s, "blocked6", kept.stream().filter(b -> !b.source().isIpv4()).toList(), now);
    return s.toString();
  }

  private static void elements(StringBuilder s, String set, List<Block> blocks, Instant now) {
    if (blocks.isEmpty()) {
      return;
    }
    s.append("add element ").append(TABLE).append(' ').append(set).append(" { ");
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      s.append(i == 0 ? "" : ", ").append(b.source());
      if (!b.isPermanent()) {
        long seconds = Math.max(1, Duration.between(now, b.until()).toSeconds());
        s.append(" timeout ").append(seconds).append('s');
      }
    }
    s.append(" }\n");
  }

  private static boolean covers(CidrBlock wide, CidrBlock narrow) {
    return wide.isIpv4() == narrow.isIpv4()
        && wide.prefixLength() <= narrow.prefixLength()
        && wide.contains(narrow.network());
  }

  private static void staticRule(StringBuilder s, FirewallRule rule) {
    String comment = " comment \"" + commentText("rule " + rule.name()) + "\"\n";
    for (String source : sourceMatches(rule)) {
      if (rule.action() == RuleAction.REJECT) {
        // As in process: a TCP connection is reset, a datagram dropped.
        if (rule.protocol().covers(Protocol.TCP)) {
          s.append("    ").append(source).append(match(Protocol.TCP, rule.ports()));
          s.append(" counter reject with tcp reset").append(comment);
        }
        if (rule.protocol().covers(Protocol.UDP)) {
          s.append("    ").append(source).append(match(Protocol.UDP, rule.ports()));
          s.append(" counter drop").append(comment);
        }
      } else {
        s.append("    ").append(source).append(match(rule.protocol(), rule.ports()));
        s.append(" counter ").append(rule.action() == RuleAction.ACCEPT ? "accept" : "drop");
        s.append(comment);
      }
    }
  }

  /**
   * The source matches of a rule: its MAC address, or its networks, one match per address family
   * (none for a domain name without an address, whose rule then matches nothing).
   */
  private static List<String> sourceMatches(FirewallRule rule) {
    if (rule.source() instanceof RuleSource.MacAddress mac) {
      return List.of("ether saddr " + mac.address());
    }
    List<String> matches = new ArrayList<>();
    addressMatch("ip saddr ", rule.networks().stream().filter(CidrBlock::isIpv4).toList(), matches);
    addressMatch("ip6 saddr ", rule.networks().stream().filter(n -> !n.isIpv4()).toList(), matches);
    return matches;
  }

  private static void addressMatch(String prefix, List<CidrBlock> networks, List<String> matches) {
    if (networks.size() == 1) {
      matches.add(prefix + networks.get(0));
    } else if (!networks.isEmpty()) {
      matches.add(
          prefix
              + networks.stream()
                  .map(CidrBlock::toString)
                  .collect(Collectors.joining(", ", "{ ", " }")));
    }
  }

  private static void rateRule(StringBuilder s, int index, RateRule rule) {
    for (String family : new String[] {"4", "6"}) {
      String address = family.equals("4") ? "ip saddr" : "ip6 saddr";
      String protocolMatch = family.equals("4") ? " meta nfproto ipv4" : " meta nfproto ipv6";
      s.append("   ")
          .append(protocolMatch)
          .append(match(rule.protocol(), rule.ports()))
          .append(newFlows(rule.protocol()))
          .append(" update @rate")
          .append(index)
          .append('v')
          .append(family)
          .append(" { ")
          .append(address)
          .append(" limit rate over ")
          .append(rate(rule.limit()))
          .append(" burst ")
          .append(rule.limit().count())
          .append(" packets }")
          .append(" add @auto")
          .append(family)
          .append(" { ")
          .append(address)
          .append(" } counter drop comment \"")
          .append(commentText("auto defense " + rule.name()))
          .append("\"\n");
    }
  }

  /**
   * {@code limit}'s rate in a unit nft takes: per minute when that is a whole number, else per hour
   * (a token bucket whose burst is the rule's count then allows the count within its window).
   */
  static String rate(RateLimit limit) {
    long perMinute = (long) limit.count() * 60;
    if (perMinute % limit.seconds() == 0) {
      return perMinute / limit.seconds() + "/minute";
    }
    return Math.max(1, (long) limit.count() * 3600 / limit.seconds()) + "/hour";
  }

  /** For TCP only the opening packet of a connection counts, as the in-process rules count. */
  private static String newFlows(Protocol protocol) {
    return protocol == Protocol.TCP ? " tcp flags & (syn | ack) == syn" : "";
  }

  private static String match(Protocol protocol, PortRange ports) {
    boolean everyPort = ports.equals(PortRange.ALL);
    String range =
        ports.first() == ports.last() ? "" + ports.first() : ports.first() + "-" + ports.last();
    return switch (protocol) {
      case UDP -> everyPort ? " meta l4proto udp" : " udp dport " + range;
      case TCP -> everyPort ? " meta l4proto tcp" : " tcp dport " + range;
      case BOTH -> everyPort ? "" : " meta l4proto { tcp, udp } th dport " + range;
    };
  }

  /** A comment nft takes: printable ASCII without quotes, at most 100 characters. */
  static String commentText(String text) {
    StringBuilder clean = new StringBuilder();
    for (char c : text.toCharArray()) {
      clean.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    }
    return clean.length() > 100 ? clean.substring(0, 100) : clean.toString();
  }
}
