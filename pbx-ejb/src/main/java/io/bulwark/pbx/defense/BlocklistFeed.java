package io.bulwark.pbx.defense;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocklist feed as published: one address or network per line, optionally followed by a comment
 * ({@code 198.51.100.0/24 ; SBL123}); lines starting with {@code #} or {@code ;} and blank lines
 * are comments. A line that names no address is skipped and counted.
 */
public record BlocklistFeed(List<CidrBlock> entries, int skipped) {

  /** More than any public feed has; a larger one is refused rather than exhaust the memory. */
  static final int MAX_ENTRIES = 2_000_000;

  public static BlocklistFeed parse(Reader text) throws IOException {
    List<CidrBlock> entries = new ArrayList<>();
    int skipped = 0;
    BufferedReader lines = new BufferedReader(text);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      String token = trimmed.split("[\\s;#,]", 2)[0];
      try {
        entries.add(CidrBlock.parse(token));
      } catch (IllegalArgumentException e) {
        skipped++;
      }
      if (entries.size() > MAX_ENTRIES) {
        throw new IOException("The feed has more than " + MAX_ENTRIES + " entries");
      }
    }
    return new BlocklistFeed(List.copyOf(entries), skipped);
  }
}
