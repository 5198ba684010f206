package io.bulwark.pbx.callpolicy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An E.164 country/region calling code and the countries or regions that share it: {@code 1} is
 * Canada and the United States, {@code 1-242} the Bahamas.
 *
 * @param code as people write it, with a dash inside a shared plan ({@code 1-242}, {@code 599-9})
 */
public record CallingCode(String code, List<Region> regions) {

  /** A country or region the code reaches. */
  public record Region(String iso, String name, String continent) {}

  public CallingCode {
    regions = List.copyOf(regions);
  }

  /** The code as dialled: its digits alone. */
  public String digits() {
    return code.replace("-", "");
  }

  /** Names and ISO codes, as a denial or a page shows them: "Canada (CA), United States (US)". */
  public String regionNames() {
    return regions.stream()
        .map(r -> r.name() + " (" + r.iso() + ")")
        .collect(Collectors.joining(", "));
  }
}
