package io.bulwark.pbx.defense;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The blocks in force, asked about every datagram and connection before anything is parsed. Reads
 * take no lock: the blocks are a snapshot, replaced whole when they change, in which a single
 * address is one hash lookup and a network is one comparison per network blocked. Expired blocks
 * stop counting at once, before anything removes them. Automatic blocks are in force the moment
 * they are added, before the database has them, in a map of their own that an add does not copy: a
 * flood of forged sources costs a map entry each, up to a bound.
 */
public final class BlockedSources {

  /** Automatic blocks not written down yet, at most; beyond, a source is not blocked. */
  static final int MAX_UNSTORED = 100_000;

  private final Clock clock;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());
  private final ConcurrentMap<InetAddress, Block> unstored = new ConcurrentHashMap<>();

  public BlockedSources(Clock clock) {
    this.clock = clock;
  }

  /** Whether {@code source} is blocked now. */
  public boolean blocks(InetAddress source) {
    return find(source).isPresent();
  }

  /** The block in force that covers {@code source}, if one does. */
  public Optional<Block> find(InetAddress source) {
    Snapshot current = snapshot;
    if (current.addresses().isEmpty() && current.networks().isEmpty() && unstored.isEmpty()) {
      return Optional.empty(); // the usual case, asked for every datagram: no clock read
    }
    var now = clock.instant();
    Block stored = current.addresses().get(source);
    Block pending = unstored.get(source);
    Block exact =
        stored == null ? pending : pending == null ? stored : longerLived(stored, pending);
    if (exact != null && exact.activeAt(now)) {
      return Optional.of(exact);
    }
    for (Block network : current.networks()) {
      if (network.activeAt(now) && network.source().contains(source)) {
        return Optional.of(network);
      }
    }
    return Optional.empty();
  }

  /** How many blocks are in force now. */
  public int inForce() {
    Snapshot current = snapshot;
    var now = clock.instant();
    return (int)
        (current.addresses().values().stream().filter(b -> b.activeAt(now)).count()
            + current.networks().stream().filter(b -> b.activeAt(now)).count()
            + unstored.entrySet().stream()
                .filter(e -> e.getValue().activeAt(now))
                .filter(e -> !current.addresses().containsKey(e.getKey()))
                .count());
  }

  /**
   * Makes {@code blocks}, as the database holds them, the ones in force. An automatic block that is
   * not among them yet stays in force until it is, or until it expires.
   */
  public synchronized void replace(Collection<Block> blocks) {
    var now = clock.instant();
    Map<InetAddress, Block> addresses = new HashMap<>();
    List<Block> networks = new ArrayList<>();
    for (Block block : blocks) {
      if (block.source().isSingleAddress()) {
        addresses.merge(block.source().network(), block, BlockedSources::longerLived);
      } else {
        networks.add(block);
      }
    }
    snapshot = new Snapshot(Map.copyOf(addresses), List.copyOf(networks));
    unstored.keySet().removeAll(addresses.keySet());
    unstored.values().removeIf(b -> !b.activeAt(now));
  }

  /**
   * Puts an automatic block of one address in force at once, before it is written down; false when
   * {@link #MAX_UNSTORED} blocks wait to be written already, and it was not taken.
   */
  boolean add(Block block) {
    if (unstored.size() >= MAX_UNSTORED) {
      return false;
    }
    unstored.put(block.source().network(), block);
    return true;
  }

  /** Of two blocks of one address, the one that lasts longer decides. */
  private static Block longerLived(Block a, Block b) {
    if (a.isPermanent()) {
      return a;
    }
    return b.isPermanent() || b.until().isAfter(a.until()) ? b : a;
  }

  private record Snapshot(Map<InetAddress, Block> addresses, List<Block> networks) {}
}
