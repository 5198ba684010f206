package io.bulwark.pbx.callpolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every country/region calling code, shipped with Bulwark (calling-codes.csv), and the code a
 * number dialled abroad begins with: the longest that matches, so that 1242 is the Bahamas and 1212
 * the United States.
 */
public final class CallingCodes {

  private final Map<String, CallingCode> byDigits;
  private final List<CallingCode> all;
  private final int longest;

  private CallingCodes(Map<String, CallingCode> byDigits) {
    this.byDigits = Map.copyOf(byDigits);
    this.all = List.copyOf(byDigits.values());
    this.longest = byDigits.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /** The codes shipped with Bulwark, read once. */
  public static CallingCodes shipped() {
    return Shipped.CODES;
  }

  private static final class Shipped {
    static final CallingCodes CODES = read();

    private static CallingCodes read() {
      try (InputStream in = CallingCodes.class.getResourceAsStream("calling-codes.csv")) {
        if (in == null) {
          throw new IllegalStateException("calling-codes.csv is missing from the build");
        }
        return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static CallingCodes parse(BufferedReader lines) throws IOException {
    Map<String, List<CallingCode.Region>> regions = new LinkedHashMap<>();
    Map<String, String> written = new LinkedHashMap<>();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 4) {
        throw new IllegalStateException("calling-codes.csv: not 4 cells in " + line);
      }
      String digits = cells[0].replace("-", "");
      written.put(digits, cells[0]);
      regions
          .computeIfAbsent(digits, d -> new ArrayList<>())
          .add(new CallingCode.Region(cells[1], cells[2], cells[3]));
    }
    Map<String, CallingCode> byDigits = new LinkedHashMap<>();
    regions.forEach((digits, r) -> byDigits.put(digits, new CallingCode(written.get(digits), r)));
    return new CallingCodes(byDigits);
  }

  /** In the order of their codes. */
  public List<CallingCode> all() {
    return all;
  }

  /** The code written {@code 1-242} or {@code 1242}; empty when there is none such. */
  public Optional<CallingCode> byCode(String code) {
    return Optional.ofNullable(code).map(c -> byDigits.get(c.strip().replace("-", "")));
  }

  /** The longest code {@code digits} (a number without its international prefix) begins with. */
  public Optional<CallingCode> of(String digits) {
    for (int length = Math.min(longest, digits.length()); length > 0; length--) {
      CallingCode code = byDigits.get(digits.substring(0, length));
      if (code != null) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  /** The codes written in {@code codes} that are none: what a change must refuse. */
  public List<String> unknown(Collection<String> codes) {
    return codes.stream().filter(c -> byCode(c).isEmpty()).toList();
  }
}
