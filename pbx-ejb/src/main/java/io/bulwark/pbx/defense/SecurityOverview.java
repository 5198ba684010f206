package io.bulwark.pbx.defense;

import io.bulwark.pbx.activity.Series;
import java.util.List;

/**
 * The security dashboard: what is blocked now, blocks per hour over the last day, the sources and
 * countries behind most warnings and alerts in that day, and failed authentications per minute in
 * the last hour.
 */
public record SecurityOverview(
    int blockedNow,
    Series blocksPerHour,
    List<SourceCount> topSources,
    List<CountryCount> topCountries,
    Series failedAuthenticationsPerMinute) {

  /**
   * A source address and the warnings and alerts it caused.
   *
   * @param country its country code, {@link #LOCAL} for private ranges, {@link #UNKNOWN} when the
   *     country database does not know it or there is none
   */
  public record SourceCount(String source, long events, String country, boolean blockedNow) {}

  /** A country and the warnings and alerts its addresses caused. */
  public record CountryCount(String country, long events) {}

  public static final String LOCAL = "local";
  public static final String UNKNOWN = "unknown";
}
