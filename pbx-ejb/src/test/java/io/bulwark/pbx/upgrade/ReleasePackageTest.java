package io.bulwark.pbx.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasePackageTest {

  private static final byte[] EAR = "an EAR's bytes".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;

  private final KeyPair publisher = ReleasePackages.pair();
  private final ReleaseKey trusted = ReleaseKey.of(publisher.getPublic());

  @Test
  void aSignedPackageGivesItsManifestAndExactlyItsEar() throws Exception {
    Path file =
        write(
            "ok.zip",
            ReleasePackages.entries(ReleasePackages.manifest("1.4.0", EAR), publisher, EAR));
    Path ear = folder.resolve("new.ear");
    ReleasePackage.Manifest manifest = ReleasePackage.verifyAndExtract(file, trusted, ear);
    assertEquals(ReleaseVersion.parse("1.4.0"), manifest.version());
    assertEquals(
        HexFormat.of().formatHex(ReleasePackage.sha256().digest(EAR)), manifest.earSha256());
    assertTrue(java.util.Arrays.equals(EAR, Files.readAllBytes(ear)));
  }

  @Test
  void anotherKeysSignatureIsRefused() throws Exception {
    Path file =
        write(
            "forged.zip",
            ReleasePackages.entries(
                ReleasePackages.manifest("1.4.0", EAR), ReleasePackages.pair(), EAR));
    var refused =
        assertThrows(
            ReleasePackage.RefusedException.class, () -> ReleasePackage.verify(file, trusted));
    assertTrue(refused.getMessage().contains("signature does not verify"), refused.getMessage());
  }

  @Test
  void anEarChangedAfterSigningIsRefusedAndNotLeftBehind() throws Exception {
    byte[] altered = EAR.clone();
    altered[0] ^= 1;
    Path file =
        write(
            "altered.zip",
            ReleasePackages.entries(ReleasePackages.manifest("1.4.0", EAR), publisher, altered));
    Path ear = folder.resolve("new.ear");
    var refused =
        assertThrows(
            ReleasePackage.RefusedException.class,
            () -> ReleasePackage.verifyAndExtract(file, trusted, ear));
    assertTrue(refused.getMessage().contains("not the one the signed manifest names"));
    assertFalse(Files.exists(ear));
  }

  @Test
  void aChangedManifestNoLongerVerifies() throws Exception {
    Map<String, byte[]> entries =
        ReleasePackages.entries(ReleasePackages.manifest("1.4.0", EAR), publisher, EAR);
    entries.put("release.properties", ReleasePackages.manifest("9.9.9", EAR));
    Path file = write("bumped.zip", entries);
    assertThrows(ReleasePackage.RefusedException.class, () -> ReleasePackage.verify(file, trusted));
  }

  @Test
  void somethingElseThanAPackageIsRefusedWithAPlainReason() throws Exception {
    Path notZip = Files.writeString(folder.resolve("notes.zip"), "hello");
    var refused =
        assertThrows(
            ReleasePackage.RefusedException.class, () -> ReleasePackage.verify(notZip, trusted));
    assertEquals("It is not a Bulwark release package (not a readable zip)", refused.getMessage());
    Map<String, byte[]> entries =
        ReleasePackages.entries(ReleasePackages.manifest("1.4.0", EAR), publisher, EAR);
    entries.remove("release.sig");
    Path unsigned = write("unsigned.zip", entries);
    assertEquals(
        "It holds no release.sig",
        assertThrows(
                ReleasePackage.RefusedException.class,
                () -> ReleasePackage.verify(unsigned, trusted))
            .getMessage());
  }

  @Test
  void aPemKeyAsOpensslWritesItIsRead() {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(publisher.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    assertEquals(trusted.fingerprint(), ReleaseKey.fromPem(pem).fingerprint());
    assertEquals(16, trusted.fingerprint().length());
    assertThrows(IllegalArgumentException.class, () -> ReleaseKey.fromPem("not a key"));
  }

  private Path write(String name, Map<String, byte[]> entries) throws IOException {
    return ReleasePackages.write(folder, name, entries);
  }
}
