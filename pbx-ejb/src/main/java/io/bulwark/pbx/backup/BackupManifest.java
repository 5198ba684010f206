package io.bulwark.pbx.backup;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a backup says of itself, in clear at its head: when and by which schema it was made, what it
 * holds (rows per table), how its key is derived, and the SHA-256 of the encrypted rest. A copy
 * travels inside the encryption too; a restore trusts only a head equal to that copy.
 */
public record BackupManifest(
    int format,
    String schemaVersion,
    Instant createdAt,
    Set<BackupContent> contents,
    Map<String, Long> tables,
    byte[] salt,
    int iterations,
    byte[] nonce,
    String payloadSha256) {

  static final int FORMAT = 1;

  public BackupManifest {
    contents = contents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(contents));
    tables = new TreeMap<>(tables);
  }

  BackupManifest withPayloadSha256(String sha256) {
    return new BackupManifest(
        format, schemaVersion, createdAt, contents, tables, salt, iterations, nonce, sha256);
  }

  public long rows() {
    return tables.values().stream().mapToLong(Long::longValue).sum();
  }

  String text() {
    Properties p = new Properties();
    p.setProperty("format", Integer.toString(format));
    p.setProperty("product", "Bulwark PBX");
    p.setProperty("schemaVersion", schemaVersion);
    p.setProperty("createdAt", createdAt.toString());
    p.setProperty(
        "contents", contents.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    tables.forEach((table, rows) -> p.setProperty("table." + table, Long.toString(rows)));
    p.setProperty("kdf", "PBKDF2WithHmacSHA256");
    p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
    p.setProperty("iterations", Integer.toString(iterations));
    p.setProperty("cipher", "AES-256-GCM");
    p.setProperty("nonce", Base64.getEncoder().encodeToString(nonce));
    if (payloadSha256 != null) {
      p.setProperty("payloadSha256", payloadSha256);
    }
    StringWriter out = new StringWriter();
    new TreeMap<>(p)
        .forEach(
            (k, v) ->
                out.append(k.toString()).append('=').append(escape(v.toString())).append('\n'));
    return out.toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n");
  }

  /**
   * @throws IOException when the text is not a manifest of a format this Bulwark reads
   */
  static BackupManifest parse(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    try {
      int format = Integer.parseInt(p.getProperty("format", ""));
      if (format != FORMAT) {
        throw new IOException("a backup format this Bulwark does not know (" + format + ")");
      }
      Set<BackupContent> contents = EnumSet.noneOf(BackupContent.class);
      for (String name : p.getProperty("contents", "").split(",")) {
        if (!name.isBlank()) {
          contents.add(BackupContent.valueOf(name));
        }
      }
      Map<String, Long> tables = new TreeMap<>();
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("table.")) {
          tables.put(key.substring("table.".length()), Long.parseLong(p.getProperty(key)));
        }
      }
      return new BackupManifest(
          format,
          required(p, "schemaVersion"),
          Instant.parse(required(p, "createdAt")),
          contents,
          tables,
          Base64.getDecoder().decode(required(p, "salt")),
          Integer.parseInt(required(p, "iterations")),
          Base64.getDecoder().decode(required(p, "nonce")),
          p.getProperty("payloadSha256"));
    } catch (RuntimeException e) {
      throw new IOException("its manifest cannot be read");
    }
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key);
    }
    return value;
  }

  /** Equal in what they say, payload checksum aside (the copy inside cannot know it). */
  boolean sameAs(BackupManifest other) {
    return withPayloadSha256(null).text().equals(other.withPayloadSha256(null).text());
  }
}
