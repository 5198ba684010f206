package io.bulwark.pbx.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links each line of the security log to the one before it: a line ends with {@code prev=} the hash
 * of the line before and {@code hash=} the SHA-256 of everything before its own {@code hash=}.
 * Changing, removing or inserting a line breaks the link at that point, which {@link
 * SecurityLogVerifier} finds; the fields are {@code key=value} like the rest of the line, so
 * fail2ban and log shippers read a linked line as they read any other.
 */
public final class SecurityLogChain {

  /** What the first line of a new log links to. */
  public static final String GENESIS = "0".repeat(64);

  private static final Pattern LINKS =
      Pattern.compile(" prev=(?<prev>[0-9a-f]{64}) hash=(?<hash>[0-9a-f]{64})$");

  private String head;

  /** A chain continuing after the line whose hash is {@code head}. */
  public SecurityLogChain(String head) {
    this.head = head == null ? GENESIS : head;
  }

  /** The line to write for {@code body}, linked to the line written before it. */
  public synchronized String link(String body) {
    String linked = body + " prev=" + head;
    head = sha256(linked);
    return linked + " hash=" + head;
  }

  /** The hash of the last line linked. */
  public synchronized String head() {
    return head;
  }

  /** The links at the end of {@code line}, or {@code null} when it has none. */
  static Links links(String line) {
    Matcher m = LINKS.matcher(line);
    if (!m.find()) {
      return null;
    }
    String hashed = line.substring(0, m.start("hash") - " hash=".length());
    return new Links(m.group("prev"), m.group("hash"), sha256(hashed));
  }

  /**
   * @param prev the hash the line says the one before it had
   * @param stated the hash the line says it has
   * @param actual the hash of what the line holds now
   */
  record Links(String prev, String stated, String actual) {
    boolean intact() {
      return stated.equals(actual);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
