package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS on a port of its own: a client that trusts the server's certificate gets its OPTIONS
 * answered over the TLS connection, and the request is told it came over TLS.
 */
class TlsTransportTest {

  private static final String PASSWORD = "test-keystore";

  @TempDir Path dir;

  @Test
  void anOptionsOverTlsIsAnsweredWithTheServersCertificate() throws Exception {
    Path keyStore = selfSigned(dir.resolve("sip.p12"));
    int port = freePort();
    int tlsPort = freePort();
    String[] transport = new String[1];
    try (SipContainer container =
        SipContainer.builder(
                new SipContainerConfig(
                    "127.0.0.1",
                    port,
                    Set.of("udp", "tls"),
                    "tls",
                    new SipContainerConfig.Tls(tlsPort, keyStore, PASSWORD)))
            .handleStateless(
                "OPTIONS",
                r -> {
                  transport[0] = r.transport();
                  r.respond(200);
                })
            .start()) {
      try (SSLSocket socket =
          (SSLSocket) trusting(keyStore).getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
        socket.startHandshake();
        X509Certificate server = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        assertEquals("CN=bulwark-test", server.getSubjectX500Principal().getName());
        socket
            .getOutputStream()
            .write(
                WireProbe.options("TLS", "127.0.0.1:" + socket.getLocalPort(), "tls-options")
                    .getBytes(StandardCharsets.US_ASCII));
        String answer = WireProbe.receiveTcp(socket, 5_000);
        assertNotNull(answer, "answered over TLS");
        assertEquals(200, WireProbe.wellFormedStatus(answer));
        assertEquals("TLS", transport[0]);
      }
    }
  }

  private static SSLContext trusting(Path keyStore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** A key store as the launcher makes one, with the JDK's keytool. */
  private static Path selfSigned(Path file) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "sip",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=bulwark-test",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out);
    }
    return file;
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, WireProbe.loopback(1))) {
      return probe.getLocalPort();
    }
  }
}
