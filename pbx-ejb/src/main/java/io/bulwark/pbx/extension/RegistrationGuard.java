package io.bulwark.pbx.extension;

import io.bulwark.pbx.defense.CidrBlock;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an extension demands of a device that proved its password, checked on every REGISTER and
 * INVITE it authenticates: a stolen password must not register or call from anywhere, with any
 * software, on any number of devices.
 *
 * <p>Each rule must hold on its own: a permitted address outside the local networks still needs
 * remote registration allowed, so that one switch tells whether an extension is reachable from
 * outside at all.
 *
 * @param concurrentRegistrations how many devices (bindings) the extension may have at once
 * @param userAgents prefixes one of which the User-Agent must start with (any case); empty for any
 * @param permittedIps the addresses devices may come from; empty for any
 * @param remoteRegistration whether a device outside the local networks is accepted
 * @param tlsOnly whether a device must use SIP over TLS
 */
public record RegistrationGuard(
    int concurrentRegistrations,
    List<String> userAgents,
    List<CidrBlock> permittedIps,
    boolean remoteRegistration,
    boolean tlsOnly) {

  /**
   * A new extension's: one device, any user agent, any local address, nothing remote, any
   * transport.
   */
  public static final RegistrationGuard DEFAULT =
      new RegistrationGuard(1, List.of(), List.of(), false, false);

  public RegistrationGuard {
    userAgents = List.copyOf(userAgents);
    permittedIps = List.copyOf(permittedIps);
  }

  /**
   * Why a device at {@code source} that calls itself {@code userAgent} and sent over {@code
   * transport} ({@code UDP}, {@code TCP}, {@code TLS}) is refused, or empty when it is not.
   *
   * @param local tells the addresses of the local networks
   */
  public Optional<String> refusal(
      InetAddress source, String userAgent, String transport, Predicate<InetAddress> local) {
    if (tlsOnly && !"TLS".equalsIgnoreCase(transport)) {
      return Optional.of("the extension takes SIP over TLS only");
    }
    if (!permittedIps.isEmpty() && permittedIps.stream().noneMatch(ip -> ip.contains(source))) {
      return Optional.of("source address is not among the extension's permitted IPs");
    }
    if (!remoteRegistration && !local.test(source)) {
      return Optional.of("remote registration is not allowed for the extension");
    }
    if (!userAgents.isEmpty() && !hasPermittedPrefix(userAgent)) {
      return Optional.of("user agent is not permitted for the extension");
    }
    return Optional.empty();
  }

  private boolean hasPermittedPrefix(String userAgent) {
    return userAgent != null
        && userAgents.stream()
            .anyMatch(prefix -> userAgent.regionMatches(true, 0, prefix, 0, prefix.length()));
  }
}
