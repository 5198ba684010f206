package io.bulwark.pbx.trunk;

/**
 * A trunk as SIP uses it, read from memory on SIP threads: where the provider is, how to reach it
 * and what to present.
 *
 * @param domain the provider's SIP domain: the host part of From, To and the REGISTER's request URI
 *     (the host when the administrator gave none)
 * @param outboundProxy where to send requests instead of the host; {@code null} for none
 * @param credentials {@code null} when the trunk has none (a peer that does not challenge)
 * @param maxConcurrentCalls {@code null} for no limit
 * @param anchorMedia whether the media must flow through Bulwark's relay
 */
public record TrunkProfile(
    long id,
    String name,
    TrunkKind kind,
    HostPort address,
    Transport transport,
    String domain,
    HostPort outboundProxy,
    TrunkCredentials credentials,
    int registrationExpirySeconds,
    String callerIdNumber,
    String callerIdName,
    Integer maxConcurrentCalls,
    boolean enabled,
    boolean anchorMedia) {

  /** Where requests to the provider go first: the outbound proxy when there is one. */
  public HostPort nextHop() {
    return outboundProxy == null ? address : outboundProxy;
  }
}
