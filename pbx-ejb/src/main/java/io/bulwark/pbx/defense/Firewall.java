package io.bulwark.pbx.defense;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides, for each packet, request or failed authentication, whether its source may go on, in the
 * guide's order: blocked sources are refused; the first static defense rule that matches decides,
 * and Accept exempts the source from all that follows, as does being a trunk provider's address;
 * the global blocklist refuses what it names; auto defense counts the packets of the rest, and
 * blocks a source that sends more than a rule allows; failed authentications and failed logins lock
 * a source out; a scanner's user agent blocks it at once. A block it decides is in force at once,
 * in memory, and handed to the listener to be written down. Nothing here blocks a thread or asks a
 * database.
 */
public final class Firewall {

  private final BlockedSources blocked;
  private final Clock clock;
  private final Consumer<AutomaticBlock> listener;
  private volatile Rules rules;
  private volatile Set<String> decoys = Set.of();
  private volatile AddressSet blocklist = AddressSet.EMPTY;
  private volatile AccessPolicy access = AccessPolicy.OPEN;
  private volatile Function<InetAddress, Optional<String>> countries = address -> Optional.empty();
  private volatile Predicate<InetAddress> trunkPeers = source -> false;

  /**
   * @param listener told of every automatic block, on the thread that decided it; must not block
   */
  public Firewall(BlockedSources blocked, Clock clock, Consumer<AutomaticBlock> listener) {
    this.blocked = blocked;
    this.clock = clock;
    this.listener = listener;
    this.rules =
        new Rules(
            List.of(),
            List.of(),
            DefenseSettings.Policy.INITIAL,
            new RateCounter<>(DefenseSettings.Policy.INITIAL.lockout(), clock),
            new LoginCounters(DefenseSettings.Policy.INITIAL.login(), clock),
            List.of());
  }

  /**
   * Applies new rules and settings. Counters of rules that did not change keep counting; the others
   * start afresh.
   */
  public void configure(
      List<FirewallRule> statics, List<RateRule> rates, DefenseSettings.Policy policy) {
    Rules old = rules;
    Map<RateRule, RateCounter<InetAddress>> kept = new HashMap<>();
    old.watches().forEach(w -> kept.put(w.rule(), w.counter()));
    List<Watch> watches =
        rates.stream()
            .map(r -> new Watch(r, kept.getOrDefault(r, new RateCounter<>(r.limit(), clock))))
            .toList();
    RateCounter<InetAddress> lockout =
        old.lockout().limit().equals(policy.lockout())
            ? old.lockout()
            : new RateCounter<>(policy.lockout(), clock);
    LoginCounters logins =
        old.logins().lockout().equals(policy.login())
            ? old.logins()
            : new LoginCounters(policy.login(), clock);
    List<String> agents =
        policy.scannerAgents().stream()
            .filter(a -> !a.isBlank()) // a blank name is in every user agent
            .map(a -> a.toLowerCase(Locale.ROOT))
            .toList();
    rules = new Rules(List.copyOf(statics), watches, policy, lockout, logins, agents);
  }

  /**
   * Tells which sources are trunk providers' addresses. Unless a static rule says otherwise, they
   * are trusted as an Accept rule would: a provider's busy hour must not block the trunk.
   */
  public void trunkPeers(Predicate<InetAddress> isPeer) {
    trunkPeers = isPeer;
  }

  /** Whether {@code source} is in one of the local networks of the settings. */
  public boolean isLocal(InetAddress source) {
    return rules.policy().isLocal(source);
  }

  /**
   * Applies the access settings, with the country database they read ({@code countries} tells an
   * address's country, where known).
   */
  public void access(AccessPolicy policy, Function<InetAddress, Optional<String>> countries) {
    this.countries = countries;
    this.access = policy;
  }

  /** Makes {@code addresses} the global blocklist's entries. */
  public void blocklist(AddressSet addresses) {
    blocklist = addresses;
  }

  /** The global blocklist's entries. */
  public AddressSet blocklist() {
    return blocklist;
  }

  /** How many addresses and networks the global blocklist names. */
  public int blocklistEntries() {
    return blocklist.entries();
  }

  /** Makes {@code numbers} the decoy extensions. */
  public void decoys(Set<String> numbers) {
    decoys = Set.copyOf(numbers);
  }

  /** The blocks in force, automatic ones included as soon as they are decided. */
  public BlockedSources blocked() {
    return blocked;
  }

  /**
   * Whether a packet from {@code source} over {@code protocol} to {@code port} may reach the
   * service. It is counted against the auto defense rules that watch the port; the one that makes a
   * rule's count too many blocks its source.
   */
  public boolean admits(InetAddress source, Protocol protocol, int port) {
    if (blocked.blocks(source)) {
      return false;
    }
    Rules current = rules;
    FirewallRule rule = current.firstMatch(source, protocol, port);
    if (rule != null) {
      return rule.action() == RuleAction.ACCEPT;
    }
    if (trunkPeers.test(source)) {
      return true;
    }
    if (blocklist.contains(source) || access.refusal(source, countries).isPresent()) {
      return false;
    }
    for (Watch watch : current.watches()) {
      if (watch.rule().watches(protocol, port) && watch.counter().exceededBy(source)) {
        watch.counter().forget(source);
        block(
            source,
            DefenseType.AUTO_DEFENSE,
            "More than "
                + watch.rule().limit().count()
                + " packets in "
                + watch.rule().limit().seconds()
                + " s: rule "
                + watch.rule().describe(),
            protocol,
            port,
            null,
            Duration.ofMinutes(current.policy().autoBlockMinutes()));
        return false;
      }
    }
    return true;
  }

  /**
   * Counts a failed authentication from {@code source} for {@code username}; the one that reaches
   * the lockout's count blocks the source. Sources an Accept rule trusts are never locked out.
   */
  public void authenticationFailed(
      InetAddress source, Protocol protocol, int port, String username) {
    Rules current = rules;
    if (trusts(current, source, protocol, port)) {
      return;
    }
    RateLimit limit = current.lockout().limit();
    if (current.lockout().count(source) == limit.count()) {
      current.lockout().forget(source);
      block(
          source,
          DefenseType.REGISTRATION_LOCKOUT,
          limit.count()
              + " failed authentications in "
              + limit.seconds()
              + " s, the last for "
              + (username == null || username.isBlank() ? "no user" : username),
          protocol,
          port,
          username == null || username.isBlank() ? null : "SIP extension " + username,
          Duration.ofMinutes(current.policy().lockoutMinutes()));
    }
  }

  /**
   * Counts a failed login from {@code source} to the web server's {@code port} as {@code account}
   * ({@code WebUser:admin}, {@code ApiClient:backup}): the failure that reaches the lockout's
   * permanent count blocks the source for good, the one that reaches its temporary count blocks it
   * for a while. Sources an Accept rule trusts are never locked out.
   */
  public void loginFailed(InetAddress source, int port, String account) {
    Rules current = rules;
    if (trusts(current, source, Protocol.TCP, port)) {
      return;
    }
    LoginCounters logins = current.logins();
    LoginLockout lockout = logins.lockout();
    int total = logins.permanent().count(source);
    int recent = logins.temporary().count(source);
    if (total == lockout.permanent().count()) {
      logins.permanent().forget(source);
      logins.temporary().forget(source);
      block(
          source,
          DefenseType.WEB_LOGIN,
          total
              + " failed logins in "
              + lockout.permanent().seconds() / 3600
              + " h, the last as "
              + account,
          Protocol.TCP,
          port,
          account,
          null);
    } else if (recent == lockout.temporary().count()) {
      logins.temporary().forget(source);
      block(
          source,
          DefenseType.WEB_LOGIN,
          recent
              + " failed logins in "
              + lockout.temporary().seconds()
              + " s, the last as "
              + account,
          Protocol.TCP,
          port,
          account,
          lockout.block());
    }
  }

  /**
   * Blocks {@code source} at once when {@code userAgent} names a known scanner and no Accept rule
   * trusts it; whether it did.
   */
  public boolean blocksScanner(InetAddress source, Protocol protocol, int port, String userAgent) {
    Rules current = rules;
    if (userAgent == null || current.scannerAgents().isEmpty()) {
      return false;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    for (String scanner : current.scannerAgents()) {
      if (agent.contains(scanner) && !trusts(current, source, protocol, port)) {
        block(
            source,
            DefenseType.SCANNER,
            "User agent of a scanner: " + abbreviated(userAgent),
            protocol,
            port,
            null,
            Duration.ofMinutes(current.policy().autoBlockMinutes()));
        return true;
      }
    }
    return false;
  }

  /**
   * Blocks {@code source} at once when {@code number}, the extension a REGISTER or INVITE names, is
   * a decoy and no Accept rule trusts the source; whether it did.
   */
  public boolean blocksDecoy(InetAddress source, Protocol protocol, int port, String number) {
    Rules current = rules;
    if (number == null || !decoys.contains(number) || trusts(current, source, protocol, port)) {
      return false;
    }
    block(
        source,
        DefenseType.DECOY,
        "Asked for decoy extension " + number + ", which no phone uses",
        protocol,
        port,
        "SIP extension " + number,
        Duration.ofMinutes(current.policy().autoBlockMinutes()));
    return true;
  }

  /** What the firewall would do with a packet, and why. */
  public record Verdict(boolean admitted, String because) {}

  /**
   * What would happen to a packet from {@code source} over {@code protocol} to {@code port}, and
   * why; nothing is counted.
   */
  public Verdict explain(InetAddress source, Protocol protocol, int port) {
    var block = blocked.find(source);
    if (block.isPresent()) {
      Block b = block.get();
      return new Verdict(
          false,
          b.type().getLabel()
              + " block of "
              + b.source()
              + (b.isPermanent() ? ", permanent" : " until " + b.until())
              + ": "
              + b.reason());
    }
    Rules current = rules;
    FirewallRule rule = current.firstMatch(source, protocol, port);
    if (rule != null) {
      return rule.action() == RuleAction.ACCEPT
          ? new Verdict(
              true,
              "Static defense rule "
                  + rule.name()
                  + " accepts it; it is never blocked automatically")
          : new Verdict(
              false,
              "Static defense rule "
                  + rule.name()
                  + (rule.action() == RuleAction.DROP ? " drops it" : " rejects it"));
    }
    if (trunkPeers.test(source)) {
      return new Verdict(true, "A trunk provider's address; it is never blocked automatically");
    }
    if (blocklist.contains(source)) {
      return new Verdict(false, "On the global anti-hacking IP blocklist");
    }
    var refusal = access.refusal(source, countries);
    if (refusal.isPresent()) {
      return new Verdict(false, refusal.get());
    }
    List<String> watching =
        current.watches().stream()
            .map(Watch::rule)
            .filter(r -> r.watches(protocol, port))
            .map(RateRule::describe)
            .toList();
    return new Verdict(
        true,
        "No static defense rule matches"
            + (watching.isEmpty()
                ? "; no auto defense rule watches it"
                : "; auto defense blocks it beyond " + String.join(", ", watching))
            + "; "
            + current.lockout().limit().count()
            + " failed authentications in "
            + current.lockout().limit().seconds()
            + " s lock it out; "
            + current.logins().lockout().describe());
  }

  /** Forgets the sources whose counting windows are over; call every few seconds. */
  public void sweep() {
    Rules current = rules;
    current.watches().forEach(w -> w.counter().sweep());
    current.lockout().sweep();
    current.logins().temporary().sweep();
    current.logins().permanent().sweep();
  }

  private void block(
      InetAddress source,
      DefenseType type,
      String reason,
      Protocol protocol,
      int port,
      String target,
      Duration length) {
    Instant now = clock.instant();
    AutomaticBlock decided =
        new AutomaticBlock(
            source,
            type,
            reason,
            protocol,
            port,
            target,
            now,
            length == null ? null : now.plus(length));
    if (blocked.add(decided.block())) {
      listener.accept(decided);
    }
  }

  /** Trusted as an Accept rule or a trunk provider: never blocked automatically. */
  private boolean trusts(Rules current, InetAddress source, Protocol protocol, int port) {
    return current.trusts(source, protocol, port) || trunkPeers.test(source);
  }

  private static String abbreviated(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }

  private record Watch(RateRule rule, RateCounter<InetAddress> counter) {}

  /** Failed logins per source, in the windows of the lockout's two counts. */
  private record LoginCounters(
      LoginLockout lockout,
      RateCounter<InetAddress> temporary,
      RateCounter<InetAddress> permanent) {

    LoginCounters(LoginLockout lockout, Clock clock) {
      this(
          lockout,
          new RateCounter<>(lockout.temporary(), clock),
          new RateCounter<>(lockout.permanent(), clock));
    }
  }

  private record Rules(
      List<FirewallRule> statics,
      List<Watch> watches,
      DefenseSettings.Policy policy,
      RateCounter<InetAddress> lockout,
      LoginCounters logins,
      List<String> scannerAgents) {

    FirewallRule firstMatch(InetAddress source, Protocol protocol, int port) {
      for (FirewallRule rule : statics) {
        if (rule.matches(source, protocol, port)) {
          return rule;
        }
      }
      return null;
    }

    boolean trusts(InetAddress source, Protocol protocol, int port) {
      FirewallRule rule = firstMatch(source, protocol, port);
      return rule != null && rule.action() == RuleAction.ACCEPT;
    }
  }
}
