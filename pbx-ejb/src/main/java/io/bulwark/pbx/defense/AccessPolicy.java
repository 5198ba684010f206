package io.bulwark.pbx.defense;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Who may reach Bulwark at all, beyond the rules: in allowlist mode only the sources an Accept rule
 * lists (and trunk providers), and with the country filter on only addresses registered in an
 * allowed country. Addresses of private, shared, loopback and link-local ranges have no country and
 * are never refused for it; a public address whose country is unknown is refused, as the filter
 * admits only what it knows.
 *
 * @param countryFilter whether the country filter is on
 * @param allowedCountries ISO 3166 alpha-2 codes, upper case
 * @param allowlistOnly whether only sources an Accept rule lists may reach Bulwark
 */
public record AccessPolicy(
    boolean countryFilter, Set<String> allowedCountries, boolean allowlistOnly) {

  /**
   * Private (RFC 1918, RFC 4193, the old site-local), shared (RFC 6598), loopback, link-local and
   * unspecified addresses: they have no country.
   */
  public static final List<CidrBlock> NO_COUNTRY =
      Stream.of(
              "10.0.0.0/8",
              "172.16.0.0/12",
              "192.168.0.0/16",
              "100.64.0.0/10",
              "127.0.0.0/8",
              "169.254.0.0/16",
              "0.0.0.0",
              "fc00::/7",
              "fec0::/10",
              "fe80::/10",
              "::1",
              "::")
          .map(CidrBlock::parse)
          .toList();

  /** Everyone, everywhere: a fresh install's. */
  public static final AccessPolicy OPEN = new AccessPolicy(false, Set.of(), false);

  public AccessPolicy {
    allowedCountries = Set.copyOf(allowedCountries);
  }

  /**
   * Why a source that no static rule matched and that is no trunk provider is refused, or empty.
   *
   * @param countries the country of an address, where known
   */
  public Optional<String> refusal(
      InetAddress source, Function<InetAddress, Optional<String>> countries) {
    if (allowlistOnly) {
      return Optional.of("Allowlist mode: no Accept rule lists it");
    }
    if (countryFilter && !hasNoCountry(source)) {
      Optional<String> country = countries.apply(source);
      if (country.isEmpty()) {
        return Optional.of("Allowed country IPs: its country is unknown");
      }
      if (!allowedCountries.contains(country.get())) {
        return Optional.of("Allowed country IPs: " + country.get() + " is not an allowed country");
      }
    }
    return Optional.empty();
  }

  /** Whether {@code address} is in one of the {@link #NO_COUNTRY} ranges. */
  static boolean hasNoCountry(InetAddress address) {
    for (CidrBlock range : NO_COUNTRY) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
