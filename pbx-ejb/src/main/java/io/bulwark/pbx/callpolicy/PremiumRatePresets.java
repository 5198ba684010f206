package io.bulwark.pbx.callpolicy;

import java.util.List;

/**
 * Blocked numbers most PBXs should start with: the number ranges toll fraud dials, each in the
 * forms a phone dials them (with {@code 00} or {@code +} as the international prefix).
 */
public final class PremiumRatePresets {

  /** A preset: a name for the list and its patterns. */
  public record Preset(String name, List<String> patterns) {}

  public static final List<Preset> ALL =
      List.of(
          new Preset("International premium rate (+979)", List.of("+979.", "00979.", "011979.")),
          new Preset(
              "Satellite and global networks (+881, +882, +883)",
              List.of(
                  "+881.", "00881.", "011881.", "+882.", "00882.", "011882.", "+883.", "00883.",
                  "011883.")),
          new Preset(
              "North American premium rate (1-900, 1-976)",
              List.of("1900NXXXXXX", "1976NXXXXXX", "+1900NXXXXXX", "+1976NXXXXXX")),
          new Preset("UK premium rate (09)", List.of("09XXXXXXXXX", "+449.", "00449.")),
          new Preset(
              "German premium rate (0900, 0137)",
              List.of("0900.", "0137.", "+49900.", "0049900.", "+49137.", "0049137.")));

  private PremiumRatePresets() {}
}
