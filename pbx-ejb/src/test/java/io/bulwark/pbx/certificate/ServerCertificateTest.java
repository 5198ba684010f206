package io.bulwark.pbx.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCertificateTest {

  private static final String EC = "ec:P-256.pem";

  @TempDir Path dir;

  private Openssl openssl() throws Exception {
    Openssl openssl = new Openssl(dir);
    openssl.run("ecparam", "-name", "prime256v1", "-out", "P-256.pem");
    return openssl;
  }

  private static List<String> refusal(String certificate, String key, Instant at) {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class, () -> ServerCertificate.parse(certificate, key, at));
    return refused.violations().stream().map(v -> v.field() + ": " + v.message()).toList();
  }

  @Test
  void aCertificateAndItsKeyAreTakenWithWhatAnAdministratorReadsOfThem() throws Exception {
    Openssl openssl = openssl();
    openssl.selfSigned("pbx.example.com", EC, "subjectAltName=DNS:pbx.example.com,IP:192.0.2.5");

    ServerCertificate parsed =
        ServerCertificate.parse(
            openssl.read("pbx.example.com.pem"),
            openssl.read("pbx.example.com.key"),
            Instant.now());
    CertificateDetails details = CertificateDetails.of(parsed.certificate());

    assertEquals("CN=pbx.example.com", details.subject());
    assertTrue(details.selfSigned());
    assertEquals(List.of("pbx.example.com", "192.0.2.5"), details.names());
    assertEquals("EC 256 bits", details.key());
    assertEquals(95, details.sha256Fingerprint().length(), "32 bytes, hex, colon-separated");
  }

  @Test
  void aChainIsTakenServerFirstAndRefusedInAnotherOrder() throws Exception {
    Openssl openssl = openssl();
    openssl.selfSigned("Authority", EC);
    openssl.issued("pbx.example.com", "Authority");
    String server = openssl.read("pbx.example.com.pem");
    String authority = openssl.read("Authority.pem");
    String key = openssl.read("pbx.example.com.key");

    ServerCertificate parsed = ServerCertificate.parse(server + authority, key, Instant.now());
    assertEquals(2, parsed.chain().size());
    assertFalse(CertificateDetails.of(parsed.certificate()).selfSigned());

    assertEquals(
        List.of(
            "certificate: Certificate 2 did not issue certificate 1: give the server's certificate"
                + " first, then each one's issuer"),
        refusal(authority + server, key, Instant.now()));
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() throws Exception {
    Openssl openssl = openssl();
    openssl.selfSigned("one", EC);
    openssl.selfSigned("other", EC);

    assertEquals(
        List.of("privateKey: This private key does not belong to the certificate given first"),
        refusal(openssl.read("one.pem"), openssl.read("other.key"), Instant.now()));
  }

  @Test
  void aCertificateOutOfItsDatesIsRefused() throws Exception {
    Openssl openssl = openssl();
    openssl.selfSigned("pbx", EC);
    String certificate = openssl.read("pbx.pem");
    String key = openssl.read("pbx.key");

    List<String> later = refusal(certificate, key, Instant.now().plus(Duration.ofDays(3)));
    assertTrue(
        later.get(0).startsWith("certificate: The certificate expired on"), later.toString());
    List<String> earlier = refusal(certificate, key, Instant.now().minus(Duration.ofDays(1)));
    assertTrue(earlier.get(0).contains("valid only from"), earlier.toString());
  }

  @Test
  void aWeakRsaKeyIsRefused() throws Exception {
    Openssl openssl = openssl();
    openssl.selfSigned("weak", "rsa:1024");

    List<String> refused =
        refusal(openssl.read("weak.pem"), openssl.read("weak.key"), Instant.now());
    assertEquals(
        List.of("certificate: An RSA key of 1024 bits is too weak: at least 2048"), refused);
  }

  @Test
  void aCertificateForClientsOnlyIsRefused() throws Exception {
    Openssl openssl = openssl();
    openssl.selfSigned("client", EC, "extendedKeyUsage=clientAuth");

    assertEquals(
        List.of("certificate: The certificate is not for TLS servers (its extended key usage)"),
        refusal(openssl.read("client.pem"), openssl.read("client.key"), Instant.now()));
  }

  @Test
  void aKeyInAnotherFormSaysHowToConvertIt() throws Exception {
    Openssl openssl = openssl();
    openssl.selfSigned("pbx", "rsa:2048");
    String traditional = openssl.run("rsa", "-in", "pbx.key", "-traditional");
    String encrypted = openssl.run("pkcs8", "-topk8", "-in", "pbx.key", "-passout", "pass:secret");

    List<String> rsa = refusal(openssl.read("pbx.pem"), traditional, Instant.now());
    assertTrue(
        rsa.get(0).contains("RSA PRIVATE KEY") && rsa.get(0).contains("openssl pkcs8"),
        rsa.toString());
    List<String> locked = refusal(openssl.read("pbx.pem"), encrypted, Instant.now());
    assertTrue(locked.get(0).contains("encrypted"), locked.toString());
  }

  @Test
  void textThatIsNeitherIsRefusedFieldByFieldWithoutAParserMessage() {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () ->
                ServerCertificate.parse(
                    "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----",
                    null,
                    Instant.now()));

    assertEquals(
        List.of("certificate", "privateKey"),
        refused.violations().stream().map(FieldViolation::field).toList());
    assertEquals(
        "The certificate text is damaged: it cannot be read",
        refused.violations().get(0).message());
  }
}
