package io.bulwark.pbx.defense;

import java.util.List;
import java.util.Set;

/**
 * What the kernel decides on Bulwark's own ports after the static rules, in the order the firewall
 * decides it in process: trunk providers get in, the global blocklist is dropped, then, with the
 * country filter on, every source outside the allowed countries' networks (and the ranges that have
 * no country), and in allowlist mode every source that got this far.
 *
 * @param ports the ports of SIP (UDP, TCP, TLS) and the web
 * @param trunkPeers the trunk providers' addresses
 * @param blocklist the global blocklist's entries
 * @param allowedNetworks with the country filter on, the networks of the allowed countries; null
 *     with it off
 * @param allowlistOnly whether allowlist mode is on
 */
record KernelAccess(
    Set<Integer> ports,
    List<CidrBlock> trunkPeers,
    AddressSet blocklist,
    List<CidrBlock> allowedNetworks,
    boolean allowlistOnly) {

  KernelAccess {
    ports = Set.copyOf(ports);
    trunkPeers = List.copyOf(trunkPeers);
  }

  /** Nothing beyond the blocks and static rules: no blocklist, filter or allowlist. */
  static final KernelAccess NONE =
      new KernelAccess(Set.of(), List.of(), AddressSet.EMPTY, null, false);
}
