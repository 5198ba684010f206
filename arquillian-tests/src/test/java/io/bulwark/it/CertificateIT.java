package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * System > Certificate through {@code /api/v1/system/certificate}: a certificate that cannot be
 * used is refused and changes nothing; one issued by a certificate authority is presented at once
 * by HTTPS and SIP over TLS, without a restart; the self-signed one is put back the same way.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void anAuthoritysCertificateIsPresentedAtOnceAndABadOneChangesNothing() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "certificate-");
    String tlsPassword = TestEnvironment.secret("tls.pw");
    Path original = dir.resolve("original.p12");
    Files.copy(TestEnvironment.home().resolve("certs/https.p12"), original);
    String originalChain =
        openssl(dir, "pkcs12", "-in", "original.p12", "-nokeys", "-passin", "pass:" + tlsPassword);
    String originalKey =
        openssl(
            dir,
            "pkcs12",
            "-in",
            "original.p12",
            "-nocerts",
            "-nodes",
            "-passin",
            "pass:" + tlsPassword);

    // An authority, and a server certificate it issued for this host.
    openssl(
        dir,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "3",
        "-subj",
        "/CN=Bulwark IT Authority");
    openssl(
        dir,
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=bulwark-it.example");
    Files.writeString(
        dir.resolve("server.ext"),
        "subjectAltName=DNS:bulwark-it.example,DNS:localhost,IP:127.0.0.1\n"
            + "extendedKeyUsage=serverAuth\n");
    openssl(
        dir,
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "server.ext",
        "-out",
        "server.pem");
    String chain =
        Files.readString(dir.resolve("server.pem")) + Files.readString(dir.resolve("ca.pem"));
    String key = Files.readString(dir.resolve("server.key"));

    HttpClient client = trusting(pem(originalChain), pem(Files.readString(dir.resolve("ca.pem"))));
    JsonObject before = Http.object(send(client, "GET", null));
    assertTrue(before.getBoolean("selfSigned"), before.toString());
    String originalFingerprint = before.getString("sha256Fingerprint");

    HttpResponse<String> wrongKey =
        send(client, "PUT", install(chain, Files.readString(dir.resolve("ca.key"))));
    assertEquals(400, wrongKey.statusCode(), wrongKey.body());
    assertTrue(wrongKey.body().contains("does not belong"), wrongKey.body());
    HttpResponse<String> garbage = send(client, "PUT", install("not a certificate", "nor a key"));
    assertEquals(400, garbage.statusCode(), garbage.body());
    assertFalse(garbage.body().contains("Exception"), garbage.body());
    assertEquals(
        originalFingerprint,
        Http.object(send(client, "GET", null)).getString("sha256Fingerprint"),
        "nothing changed");

    try {
      HttpResponse<String> installed = send(client, "PUT", install(chain, key));
      assertEquals(200, installed.statusCode(), installed.body());
      JsonObject now = Http.object(installed);
      assertEquals("CN=bulwark-it.example", now.getString("subject"));
      assertEquals("CN=Bulwark IT Authority", now.getString("issuer"));
      assertFalse(now.getBoolean("selfSigned"));

      assertEquals("CN=bulwark-it.example", presented(webPort()), "HTTPS presents it");
      assertEquals(
          "CN=bulwark-it.example",
          presented(TestEnvironment.port("BULWARK_SIP_TLS_PORT", 15061)),
          "SIP over TLS presents it");
      assertEquals(
          1,
          Database.awaitExactCount(
              1,
              "select count(*) from event_log where type = 'CERTIFICATE_INSTALLED'"
                  + " and detail like ?",
              "%CN=bulwark-it.example%"));
    } finally {
      HttpResponse<String> restored = send(client, "PUT", install(originalChain, originalKey));
      assertEquals(200, restored.statusCode(), restored.body());
    }
    assertEquals(
        originalFingerprint,
        Http.object(send(client, "GET", null)).getString("sha256Fingerprint"),
        "the self-signed certificate is back");
    assertEquals(before.getString("subject"), presented(webPort()), "and presented again");
  }

  private static JsonObject install(String certificate, String privateKey) {
    return Json.createObjectBuilder()
        .add("certificate", certificate)
        .add("privateKey", privateKey)
        .build();
  }

  private HttpResponse<String> send(HttpClient client, String method, JsonObject body) {
    HttpRequest request =
        Http.authorized(TestEnvironment.publicUrl() + "/api/v1/system/certificate", token)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body))
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int webPort() {
    return URI.create(TestEnvironment.publicUrl()).getPort();
  }

  /** The subject of the certificate a new TLS connection to {@code port} is shown. */
  private static String presented(int port) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new Accepting()}, null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0])
          .getSubjectX500Principal()
          .getName();
    }
  }

  /** Shows whatever certificate the server presents: what is checked is which one it is. */
  private static final class Accepting implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  private static HttpClient trusting(Certificate... anchors) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    for (int i = 0; i < anchors.length; i++) {
      store.setCertificateEntry("anchor" + i, anchors[i]);
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** The first certificate of a PEM text. */
  private static Certificate pem(String text) throws Exception {
    return CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String openssl(Path dir, String... arguments) {
    String[] command = new String[arguments.length + 1];
    command[0] = "openssl";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    return Commands.run(dir, Duration.ofSeconds(60), List.of(command)).check();
  }
}
