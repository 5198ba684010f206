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

  /** Makes {@code blocks} the ones in force, replacing all others. */
  public void replace(Collection<Block> blocks) {
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
