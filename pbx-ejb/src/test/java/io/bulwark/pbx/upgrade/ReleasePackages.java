package io.bulwark.pbx.upgrade;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Release packages as a release manager makes them, for the tests. */
final class ReleasePackages {

  private ReleasePackages() {}

  static KeyPair pair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] manifest(String version, byte[] ear) {
    return ("version="
            + version
            + "\near.sha256="
            + HexFormat.of().formatHex(ReleasePackage.sha256().digest(ear))
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, byte[]> entries(byte[] manifest, KeyPair signer, byte[] ear)
      throws GeneralSecurityException {
    Signature signature = Signature.getInstance("Ed25519");
    signature.initSign(signer.getPrivate());
    signature.update(manifest);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("release.properties", manifest);
    entries.put("release.sig", Base64.getEncoder().encode(signature.sign()));
    entries.put("bulwark.ear", ear);
    return entries;
  }

  static Path write(Path folder, String name, Map<String, byte[]> entries) throws IOException {
    Path file = folder.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }
}
