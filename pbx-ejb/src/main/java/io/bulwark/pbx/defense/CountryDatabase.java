package io.bulwark.pbx.defense;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.InvalidNetworkException;
import com.maxmind.db.MaxMindDbConstructor;
import com.maxmind.db.MaxMindDbParameter;
import com.maxmind.db.Network;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which country an address is registered in, from a MaxMind DB file: the CC0 country database of
 * ip-location-db (records {@code {country_code}}), which the launcher installs from its registry
 * package, or any GeoLite2-Country style file (records {@code {country: {iso_code}}}). Lookups are
 * thread-safe and read the memory-mapped file without a lock.
 */
public final class CountryDatabase implements AutoCloseable {

  private final Reader reader;
  private final Path file;

  private CountryDatabase(Reader reader, Path file) {
    this.reader = reader;
    this.file = file;
  }

  /**
   * Opens {@code file}.
   *
   * @throws UncheckedIOException when it is missing or not a MaxMind DB
   */
  public static CountryDatabase open(Path file) {
    try {
      return new CountryDatabase(new Reader(file.toFile()), file);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("Cannot read the country database " + file + ": " + e.getMessage(), e));
    }
  }

  /** The ISO 3166 alpha-2 code, upper case, of the country {@code address} is registered in. */
  public Optional<String> countryOf(InetAddress address) {
    try {
      Entry entry = reader.get(address, Entry.class);
      return Optional.ofNullable(entry == null ? null : entry.code());
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged record reads as an unknown country
    }
  }

  /**
   * Every network the file registers in one of {@code countries} (upper-case ISO codes): a walk
   * over the whole file, a second or two, for the kernel's copy of the country filter.
   */
  public List<CidrBlock> networksOf(Set<String> countries) {
    List<CidrBlock> found = new ArrayList<>();
    try {
      Networks<Entry> networks = reader.networks(Entry.class);
      while (networks.hasNext()) {
        DatabaseRecord<Entry> record = networks.next();
        if (record.getData() != null && countries.contains(record.getData().code())) {
          Network network = record.getNetwork();
          found.add(
              CidrBlock.parse(
                  network.getNetworkAddress().getHostAddress() + "/" + network.getPrefixLength()));
        }
      }
    } catch (IOException | InvalidNetworkException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("Cannot walk the country database " + file + ": " + e.getMessage(), e));
    }
    return found;
  }

  /** What the file is and when it was built, for the page that uses it. */
  public String describe() {
    Instant built = reader.getMetadata().getBuildDate().toInstant();
    return file.getFileName() + ", built " + built.toString().substring(0, 10);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One record, in either of the two layouts. */
  public static final class Entry {

    private final String code;

    @MaxMindDbConstructor
    public Entry(
        @MaxMindDbParameter(name = "country_code") String countryCode,
        @MaxMindDbParameter(name = "country") Map<String, Object> country) {
      Object iso = country == null ? null : country.get("iso_code");
      String found = countryCode != null ? countryCode : iso instanceof String s ? s : null;
      this.code = found == null || found.isBlank() ? null : found.toUpperCase(Locale.ROOT);
    }

    String code() {
      return code;
    }
  }
}
