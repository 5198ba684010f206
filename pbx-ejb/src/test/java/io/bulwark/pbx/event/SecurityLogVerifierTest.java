package io.bulwark.pbx.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityLogVerifierTest {

  @TempDir Path dir;

  private final SecurityLogChain chain = new SecurityLogChain(null);

  private List<String> lines(int count, String prefix) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      lines.add(
          chain.link(
              "2026-12-01T10:00:0"
                  + i
                  + ".000Z event=SOURCE_BLOCKED ip=127.0.9."
                  + i
                  + " "
                  + prefix));
    }
    return lines;
  }

  private Path write(String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines);
  }

  @Test
  void anUntouchedLogHoldsAcrossItsDailyFiles() throws IOException {
    write("security.log.2026-11-30", lines(3, "yesterday"));
    write("security.log", lines(4, "today"));

    SecurityLogVerifier.Result result = SecurityLogVerifier.verify(SecurityLogVerifier.files(dir));

    assertTrue(result.intact(), result.summary());
    assertEquals(7, result.linked());
    assertEquals(2, result.files());
    assertEquals(chain.head(), result.head());
    assertEquals("Intact: 7 linked lines in 2 files", result.summary());
  }

  @Test
  void aChangedLineIsLocated() throws IOException {
    List<String> lines = lines(5, "x");
    lines.set(2, lines.get(2).replace("ip=127.0.9.3", "ip=127.0.9.4"));
    write("security.log", lines);

    SecurityLogVerifier.Break found =
        SecurityLogVerifier.verify(SecurityLogVerifier.files(dir)).firstBreak();

    assertEquals(
        new SecurityLogVerifier.Break(
            "security.log", 3, "the line was changed after it was written"),
        found);
  }

  @Test
  void aRemovedLineIsFoundAtTheLineAfterIt() throws IOException {
    List<String> lines = lines(5, "x");
    lines.remove(1);
    write("security.log", lines);

    SecurityLogVerifier.Break found =
        SecurityLogVerifier.verify(SecurityLogVerifier.files(dir)).firstBreak();

    assertEquals("security.log", found.file());
    assertEquals(2, found.line());
    assertTrue(found.reason().startsWith("the line before it is not the one written before it"));
  }

  @Test
  void aLineRewrittenWithAFreshHashStillBreaksTheNextLink() throws IOException {
    List<String> lines = lines(4, "x");
    String forged = lines.get(1).replace("ip=127.0.9.2", "ip=127.0.9.9");
    SecurityLogChain.Links links = SecurityLogChain.links(forged);
    lines.set(1, forged.replace(links.stated(), links.actual()));
    write("security.log", lines);

    SecurityLogVerifier.Break found =
        SecurityLogVerifier.verify(SecurityLogVerifier.files(dir)).firstBreak();

    assertEquals(3, found.line());
  }

  @Test
  void aLineWithoutLinksAfterTheChainBeganIsABreak() throws IOException {
    List<String> lines = lines(3, "x");
    lines.add(2, "2026-12-01T10:00:02.500Z event=SOURCE_UNBLOCKED ip=127.0.9.2");
    write("security.log", lines);

    SecurityLogVerifier.Break found =
        SecurityLogVerifier.verify(SecurityLogVerifier.files(dir)).firstBreak();

    assertEquals(new SecurityLogVerifier.Break("security.log", 3, "the line has no link"), found);
  }

  @Test
  void linesFromBeforeTheChainAreCountedNotChecked() throws IOException {
    List<String> lines = new ArrayList<>(List.of("2026-11-01T00:00:00.000+01:00 event=OLD ip=-"));
    lines.addAll(lines(2, "x"));
    write("security.log", lines);

    SecurityLogVerifier.Result result = SecurityLogVerifier.verify(SecurityLogVerifier.files(dir));

    assertNull(result.firstBreak());
    assertEquals(1, result.unlinked());
    assertEquals(2, result.linked());
  }

  @Test
  void aChainContinuesFromTheHeadItWasGiven() {
    String first = chain.link("a");
    SecurityLogChain resumed = new SecurityLogChain(SecurityLogChain.links(first).stated());

    String second = resumed.link("b");

    assertEquals(SecurityLogChain.links(first).stated(), SecurityLogChain.links(second).prev());
    assertTrue(SecurityLogChain.links(second).intact());
  }
}
