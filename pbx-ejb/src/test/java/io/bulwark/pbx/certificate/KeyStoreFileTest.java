package io.bulwark.pbx.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreFileTest {

  @TempDir Path dir;

  @Test
  void anInstalledCertificateReplacesTheFileWholeAndTheOldBytesPutItBack() throws Exception {
    Openssl openssl = new Openssl(dir);
    openssl.selfSigned("first", "rsa:2048");
    openssl.selfSigned("second", "rsa:2048");
    openssl.run(
        "pkcs12",
        "-export",
        "-in",
        "first.pem",
        "-inkey",
        "first.key",
        "-name",
        "bulwark",
        "-out",
        "https.p12",
        "-passout",
        "pass:store-secret");
    KeyStoreFile file = new KeyStoreFile(dir.resolve("https.p12"), "store-secret");
    byte[] before = file.bytes();

    file.write(
        ServerCertificate.parse(
            openssl.read("second.pem"), openssl.read("second.key"), Instant.now()));

    assertEquals("CN=second", file.certificate().getSubjectX500Principal().getName());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("https.p12"))));
    try (var listing = Files.list(dir)) {
      assertEquals(0, listing.filter(p -> p.getFileName().toString().startsWith(".https")).count());
    }

    file.restore(before);
    assertEquals("CN=first", file.certificate().getSubjectX500Principal().getName());
  }

  @Test
  void theCertificateReadBackWritesThePemItWasInstalledFrom() throws Exception {
    Openssl openssl = new Openssl(dir);
    openssl.selfSigned("pbx", "rsa:2048");
    ServerCertificate installed =
        ServerCertificate.parse(openssl.read("pbx.pem"), openssl.read("pbx.key"), Instant.now());
    KeyStoreFile file = new KeyStoreFile(dir.resolve("https.p12"), "store-secret");
    file.write(installed);

    ServerCertificate read = file.read();

    assertEquals(installed.chain(), read.chain());
    assertEquals(installed.key(), read.key());
    ServerCertificate again =
        ServerCertificate.parse(read.chainPem(), read.keyPem(), Instant.now());
    assertEquals(installed.chain(), again.chain());
    assertEquals(installed.key(), again.key());
  }
}
