package io.bulwark.pbx.trunk;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every trunk at one moment, never changed afterwards: the SIP threads read one snapshot per
 * decision, so a change made meanwhile never shows them half a trunk.
 */
public final class Trunks {

  /** The snapshot before anything was loaded. */
  public static final Trunks NONE = new Trunks(List.of(), Map.of());

  private final Map<Long, TrunkProfile> byId;
  private final Map<InetAddress, TrunkProfile> sourcesByAddress;

  private Trunks(List<TrunkProfile> trunks, Map<InetAddress, TrunkProfile> sourcesByAddress) {
    Map<Long, TrunkProfile> ids = new LinkedHashMap<>();
    trunks.forEach(t -> ids.put(t.id(), t));
    this.byId = ids;
    this.sourcesByAddress = sourcesByAddress;
  }

  /**
   * @param resolve the addresses of a host; names are resolved here, once per change, so that no
   *     SIP thread waits for DNS. A host that does not resolve matches no source.
   */
  public static Trunks of(List<TrunkProfile> trunks, Function<String, List<InetAddress>> resolve) {
    Map<InetAddress, TrunkProfile> sources = new HashMap<>();
    for (TrunkProfile trunk : trunks) {
      if (trunk.enabled()) {
        // The first trunk by name keeps an address two trunks share, so the answer is stable. A
        // provider's calls come from its host or, when it has one, its outbound proxy.
        resolve.apply(trunk.address().host()).forEach(a -> sources.putIfAbsent(a, trunk));
        if (trunk.outboundProxy() != null) {
          resolve.apply(trunk.outboundProxy().host()).forEach(a -> sources.putIfAbsent(a, trunk));
        }
      }
    }
    return new Trunks(List.copyOf(trunks), Map.copyOf(sources));
  }

  /**
   * The enabled trunk whose provider sends from {@code source} (its host or outbound proxy, a peer
   * or a register trunk); a request from elsewhere is no trunk's.
   */
  public Optional<TrunkProfile> at(InetAddress source) {
    return Optional.ofNullable(sourcesByAddress.get(source));
  }

  /** The addresses providers send from, those {@link #at} knows. */
  public Set<InetAddress> providerAddresses() {
    return sourcesByAddress.keySet();
  }

  /** The enabled register trunks, which the registration client keeps registered. */
  public List<TrunkProfile> toRegister() {
    return byId.values().stream()
        .filter(t -> t.kind() == TrunkKind.REGISTER && t.enabled())
        .toList();
  }

  public Optional<TrunkProfile> byId(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The enabled trunks of {@code ids}, in that order: where an outbound call tries, one by one. */
  public List<TrunkProfile> usable(List<Long> ids) {
    List<TrunkProfile> found = new ArrayList<>();
    for (Long id : ids) {
      TrunkProfile trunk = byId.get(id);
      if (trunk != null && trunk.enabled()) {
        found.add(trunk);
      }
    }
    return found;
  }

  public List<TrunkProfile> all() {
    return List.copyOf(byId.values());
  }
}
