package io.bulwark.pbx.defense;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The addresses the static rules' domain names stood for at their last look-up. A rule matches
 * those, so a packet's check never waits for a name server; {@link #refresh} looks the names up
 * again, off the packets' path.
 */
public final class ResolvedNames {

  /** Looks a name up; throws when it has no address. */
  interface Lookup {
    List<InetAddress> addresses(String name) throws UnknownHostException;
  }

  /** What a look-up found: the addresses, or why there are none. */
  public record Resolution(List<CidrBlock> networks, String problem, Instant at) {}

  private final Lookup lookup;
  private final Clock clock;
  private volatile Map<String, Resolution> known = Map.of();

  ResolvedNames(Lookup lookup, Clock clock) {
    this.lookup = lookup;
    this.clock = clock;
  }

  /** The system's resolver, with the JDK's cache of answers. */
  static ResolvedNames system(Clock clock) {
    return new ResolvedNames(name -> List.of(InetAddress.getAllByName(name)), clock);
  }

  /** What {@code name} stood for at its last look-up; looked up now when it never was. */
  Resolution of(String name) {
    Resolution found = known.get(name);
    if (found == null) {
      found = resolve(name);
      synchronized (this) {
        Map<String, Resolution> more = new HashMap<>(known);
        more.putIfAbsent(name, found);
        known = Map.copyOf(more);
      }
    }
    return found;
  }

  /**
   * Looks {@code names} up again and forgets the others; whether any of them now stands for other
   * addresses than before.
   */
  boolean refresh(Collection<String> names) {
    Map<String, Resolution> before = known;
    Map<String, Resolution> now = new HashMap<>();
    boolean changed = false;
    for (String name : names) {
      Resolution fresh = resolve(name);
      Resolution old = before.get(name);
      changed |= old == null || !Objects.equals(old.networks(), fresh.networks());
      now.put(name, fresh);
    }
    synchronized (this) {
      known = Map.copyOf(now);
    }
    return changed;
  }

  private Resolution resolve(String name) {
    try {
      List<CidrBlock> networks =
          lookup.addresses(name).stream()
              .map(CidrBlock::of)
              .distinct()
              .sorted(CidrBlock.TEXT_ORDER)
              .toList();
      return new Resolution(networks, null, clock.instant());
    } catch (UnknownHostException e) {
      return new Resolution(List.of(), "No address found for " + name, clock.instant());
    }
  }
}
