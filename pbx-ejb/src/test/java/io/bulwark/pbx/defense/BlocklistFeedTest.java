package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlocklistFeedTest {

  @Test
  void commentsAndBlankLinesAreNeitherEntriesNorSkipped() throws IOException {
    BlocklistFeed feed =
        parse(
            """
            # Spamhaus DROP List 2026/11/30
            ; Last-Modified: Mon, 30 Nov 2026 12:00:00 GMT

               # indented comment
            \t; indented comment
            198.51.100.0/24 ; SBL123
            203.0.113.7 # scanner
            192.0.2.1

            """);

    assertEquals(blocks("198.51.100.0/24", "203.0.113.7", "192.0.2.1"), feed.entries());
    assertEquals(0, feed.skipped());
  }

  @Test
  void aCommentRightAfterTheAddressIsNotPartOfIt() throws IOException {
    BlocklistFeed feed = parse("198.51.100.0/24;SBL123\n203.0.113.7#scanner\n192.0.2.9,x\n");

    assertEquals(blocks("198.51.100.0/24", "203.0.113.7", "192.0.2.9"), feed.entries());
    assertEquals(0, feed.skipped());
  }

  @Test
  void whitespaceAroundAnAddressIsIgnored() throws IOException {
    BlocklistFeed feed = parse("  10.0.0.0/8  \n\t203.0.113.7\t\n");

    assertEquals(blocks("10.0.0.0/8", "203.0.113.7"), feed.entries());
    assertEquals(0, feed.skipped());
  }

  @Test
  void crlfLineEndingsAreRead() throws IOException {
    BlocklistFeed feed =
        parse(
            "; header\r\n"
                + "198.51.100.0/24 ; SBL123\r\n\r\n"
                + "203.0.113.7\r\n"
                + "not-an-ip\r\n"
                + "2001:db8::/32\r\n");

    assertEquals(blocks("198.51.100.0/24", "203.0.113.7", "2001:db8::/32"), feed.entries());
    assertEquals(1, feed.skipped());
  }

  @Test
  void theLastLineNeedsNoLineEnd() throws IOException {
    assertEquals(blocks("203.0.113.7"), parse("# feed\n203.0.113.7").entries());
  }

  @Test
  void linesThatNameNoAddressAreSkippedAndCounted() throws IOException {
    BlocklistFeed feed =
        parse(
            """
            not-an-ip
            203.0.113.7
            999.1.1.1
            example.com ; a name
            10.0.0.0/33
            1.2.3
            198.51.100.0/24
            """);

    assertEquals(blocks("203.0.113.7", "198.51.100.0/24"), feed.entries());
    assertEquals(5, feed.skipped());
  }

  @Test
  void ipv6EntriesAreRead() throws IOException {
    BlocklistFeed feed =
        parse("2001:db8::/32 ; SBL9\n2001:db9::7 # one host\n::ffff:203.0.113.9\n");

    assertEquals(blocks("2001:db8::/32", "2001:db9::7", "203.0.113.9"), feed.entries());
    assertEquals(0, feed.skipped());
  }

  @Test
  void theEntriesKeepTheFeedsOrderAndDuplicates() throws IOException {
    BlocklistFeed feed = parse("203.0.113.7\n10.0.0.0/8\n203.0.113.7\n");

    assertEquals(blocks("203.0.113.7", "10.0.0.0/8", "203.0.113.7"), feed.entries());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "# only a comment\n; and another\r\n"})
  void aFeedWithoutEntriesIsEmpty(String text) throws IOException {
    BlocklistFeed feed = parse(text);

    assertEquals(List.of(), feed.entries());
    assertEquals(0, feed.skipped());
  }

  @Test
  void theEntriesCannotBeChanged() throws IOException {
    BlocklistFeed feed = parse("203.0.113.7\n");

    assertThrows(
        UnsupportedOperationException.class, () -> feed.entries().add(CidrBlock.parse("10.0.0.1")));
  }

  @Test
  void aFeedOfMoreEntriesThanAllowedIsRefusedBeforeItIsReadToTheEnd() {
    Lines lines = new Lines(BlocklistFeed.MAX_ENTRIES + 100_000);

    IOException refused = assertThrows(IOException.class, () -> BlocklistFeed.parse(lines));

    assertTrue(
        refused.getMessage().contains(String.valueOf(BlocklistFeed.MAX_ENTRIES)),
        refused.getMessage());
    assertTrue(lines.served < lines.total, "read " + lines.served + " of " + lines.total);
  }

  private static BlocklistFeed parse(String text) throws IOException {
    return BlocklistFeed.parse(new StringReader(text));
  }

  private static List<CidrBlock> blocks(String... texts) {
    return Arrays.stream(texts).map(CidrBlock::parse).toList();
  }

  /** Distinct addresses 10.0.0.0 onward, one a line, made as they are read. */
  private static final class Lines extends Reader {

    final int total;
    int served;
    private String line = "";
    private int at;

    Lines(int total) {
      this.total = total;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      int copied = 0;
      while (copied < length) {
        if (at == line.length()) {
          if (served == total) {
            return copied == 0 ? -1 : copied;
          }
          int host = served++;
          line = "10." + (host >>> 16) + "." + ((host >>> 8) & 0xff) + "." + (host & 0xff) + "\n";
          at = 0;
        }
        int n = Math.min(length - copied, line.length() - at);
        line.getChars(at, at + n, buffer, offset + copied);
        at += n;
        copied += n;
      }
      return copied;
    }

    @Override
    public void close() {}
  }
}
