package io.bulwark.pbx.defense;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks in force, asked about every datagram and connection before anything is parsed. Reads
 * take no lock: the blocks are a snapshot, replaced whole when they change, in which a single
 * address is one hash lookup and a network is one comparison per network blocked. Expired blocks
 * stop counting at once, before anything removes them.
 */
public final class BlockedSources {

  private final Clock clock;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());
  // Guarded by this: what the database holds, and the automatic blocks not written down yet.
  private List<Block> stored = List.of();
  private final Map<InetAddress, Block> unstored = new HashMap<>();

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
    if (current.addresses().isEmpty() && current.networks().isEmpty()) {
      return Optional.empty(); // the usual case, asked for every datagram: no clock read
    }
    var now = clock.instant();
    Block exact = current.addresses().get(source);
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
            + current.networks().stream().filter(b -> b.activeAt(now)).count());
  }

  /**
   * Makes {@code blocks}, as the database holds them, the ones in force. An automatic block that is
   * not among them yet stays in force until it is, or until it expires.
   */
  public synchronized void replace(Collection<Block> blocks) {
    stored = List.copyOf(blocks);
    var now = clock.instant();
    for (Block block : stored) {
      if (block.source().isSingleAddress()) {
        unstored.remove(block.source().network());
      }
    }
    unstored.values().removeIf(b -> !b.activeAt(now));
    rebuild();
  }

  /** Puts an automatic block of one address in force at once, before it is written down. */
  synchronized void add(Block block) {
    unstored.put(block.source().network(), block);
    rebuild();
  }

  private void rebuild() {
    Map<InetAddress, Block> addresses = new HashMap<>();
    List<Block> networks = new ArrayList<>();
    List<Block> all = new ArrayList<>(stored);
    all.addAll(unstored.values());
    for (Block block : all) {
      if (block.source().isSingleAddress()) {
        addresses.merge(block.source().network(), block, BlockedSources::longerLived);
      } else {
        networks.add(block);
      }
    }
    snapshot = new Snapshot(Map.copyOf(addresses), List.copyOf(networks));
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
