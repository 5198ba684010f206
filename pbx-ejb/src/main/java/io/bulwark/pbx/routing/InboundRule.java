package io.bulwark.pbx.routing;

/**
 * An inbound route as the routing policy reads it: immutable, so the SIP threads can share it.
 *
 * @param didPattern the called numbers it takes; {@code null} for any
 * @param callerPattern the callers it takes; {@code null} for any
 * @param destination the number of the extension to ring
 */
public record InboundRule(
    long id, String name, DialPattern didPattern, DialPattern callerPattern, String destination) {

  /** Whether a call to {@code did} from {@code caller} takes this route. */
  public boolean accepts(String did, String caller) {
    return (didPattern == null || didPattern.matches(did))
        && (callerPattern == null || callerPattern.matches(caller));
  }
}
