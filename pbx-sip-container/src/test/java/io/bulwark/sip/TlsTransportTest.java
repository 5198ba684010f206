package io.bulwark.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
@SuppressWarnings("try") // The containers only have to listen while the test talks to them.
class TlsTransportTest {

  private static final String PASSWORD = "test-keystore";

  @TempDir Path dir;

  @Test
  void anOptionsOverTlsIsAnsweredWithTheServersCertificate() throws Exception {
    Path keyStore = selfSigned(dir.resolve("sip.p12"), "bulwark-test");
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

  @Test
  void aCertificateReplacedInTheKeyStoreIsPresentedFromTheNextConnectionOn() throws Exception {
    Path keyStore = selfSigned(dir.resolve("sip.p12"), "bulwark-test");
    Path renewed = selfSigned(dir.resolve("renewed.p12"), "bulwark-renewed-certificate");
    int tlsPort = freePort();
    try (SipContainer container = tlsContainer(keyStore, tlsPort, SourceGate.OPEN)) {
      assertEquals("CN=bulwark-test", presented(keyStore, tlsPort));

      Files.move(renewed, keyStore, StandardCopyOption.REPLACE_EXISTING);

      assertEquals("CN=bulwark-renewed-certificate", presented(keyStore, tlsPort));
    }
  }

  @Test
  void aRefusedSourcesConnectionIsResetBeforeItsHandshake() throws Exception {
    Path keyStore = selfSigned(dir.resolve("sip.p12"), "bulwark-test");
    InetAddress shutOut = WireProbe.loopback(67);
    int tlsPort = freePort();
    try (SipContainer container =
        tlsContainer(keyStore, tlsPort, (source, transport) -> !source.equals(shutOut))) {
      try (SSLSocket socket =
          (SSLSocket)
              trusting(keyStore)
                  .getSocketFactory()
                  .createSocket(InetAddress.getLoopbackAddress(), tlsPort, shutOut, 0)) {
        assertThrows(IOException.class, socket::startHandshake);
      }
      assertEquals("CN=bulwark-test", presented(keyStore, tlsPort), "others are served");
    }
  }

  private static SipContainer tlsContainer(Path keyStore, int tlsPort, SourceGate gate)
      throws Exception {
    return SipContainer.builder(
            new SipContainerConfig(
                "127.0.0.1",
                freePort(),
                Set.of("udp", "tls"),
                "tls-" + tlsPort,
                new SipContainerConfig.Tls(tlsPort, keyStore, PASSWORD)))
        .handleStateless("OPTIONS", r -> r.respond(200))
        .admitOnly(gate)
        .start();
  }

  /** The subject of the certificate the server presents to a new connection from 127.0.0.1. */
  private static String presented(Path trusted, int tlsPort) throws Exception {
    try (SSLSocket socket =
        (SSLSocket) trusting(trusted).getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
      socket.startHandshake();
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0])
          .getSubjectX500Principal()
          .getName();
    }
  }

  private static SSLContext trusting(Path keyStore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keyStore)) {
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
  private static Path selfSigned(Path file, String commonName)
      throws IOException, InterruptedException {
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
                "CN=" + commonName,
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
