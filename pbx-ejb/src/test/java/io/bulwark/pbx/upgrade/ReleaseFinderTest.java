package io.bulwark.pbx.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseFinderTest {

  private static final ReleaseVersion RUNNING = ReleaseVersion.parse("1.0.0");

  @TempDir Path folder;

  private final KeyPair publisher = ReleasePackages.pair();

  /** A folder source downloads nothing, so it needs neither a download folder nor a client. */
  private final ReleaseFinder finder =
      new ReleaseFinder(ReleaseKey.of(publisher.getPublic()), null, null);

  private void write(String name, String version, KeyPair signer, byte[] signedEar, byte[] ear)
      throws Exception {
    ReleasePackages.write(
        folder,
        name,
        ReleasePackages.entries(ReleasePackages.manifest(version, signedEar), signer, ear));
  }

  private static byte[] ear(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theNewestPackageThatVerifiesWinsAndTheOthersAreReported() throws Exception {
    write("a-1.1.0.zip", "1.1.0", publisher, ear("one"), ear("one"));
    write("b-1.3.0-forged.zip", "1.3.0", ReleasePackages.pair(), ear("three"), ear("three"));
    write("c-1.2.0-altered.zip", "1.2.0", publisher, ear("two"), ear("tw0"));

    ReleaseFinder.Look look = finder.look(folder.toString(), RUNNING);

    assertEquals(Path.of(folder.toString(), "a-1.1.0.zip"), look.newest().orElseThrow().file());
    assertEquals(ReleaseVersion.parse("1.1.0"), look.newest().orElseThrow().manifest().version());
    assertEquals(2, look.refusals().size(), look.refusals().toString());
    assertTrue(look.refusals().get(0).startsWith("b-1.3.0-forged.zip: Its signature"));
    assertTrue(look.refusals().get(1).startsWith("c-1.2.0-altered.zip: Its EAR is not"));
  }

  @Test
  void nothingIsOfferedThatIsNotNewerThanTheRunningRelease() throws Exception {
    write("same.zip", "1.0.0", publisher, ear("same"), ear("same"));
    write("older.zip", "0.9.0", publisher, ear("older"), ear("older"));
    assertEquals(
        new ReleaseFinder.Look(Optional.empty(), List.of()),
        finder.look(folder.toString(), RUNNING));
  }
}
