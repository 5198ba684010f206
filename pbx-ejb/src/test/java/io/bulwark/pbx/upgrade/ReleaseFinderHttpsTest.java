package io.bulwark.pbx.upgrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTPS release source, served by a real TLS server on loopback with a certificate keytool made
 * for it: the finder reads {@code latest}, downloads the package it names and verifies it.
 */
class ReleaseFinderHttpsTest {

  private static final ReleaseVersion RUNNING = ReleaseVersion.parse("1.0.0");
  private static final char[] STORE_PASSWORD = "test-store".toCharArray();

  @TempDir static Path keys;
  @TempDir Path work;

  /** The server's certificate and key, which the finder's client trusts (one per run). */
  private static SSLContext tls;

  private final KeyPair publisher = ReleasePackages.pair();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private HttpsServer server;

  @BeforeAll
  static void makeCertificate() throws Exception {
    Path store = keys.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "releases",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(STORE_PASSWORD))
            .redirectErrorStream(true)
            .start();
    String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, said);
    KeyStore pair = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      pair.load(in, STORE_PASSWORD);
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(pair, STORE_PASSWORD);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(pair);
    tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
  }

  @BeforeEach
  void serve() throws IOException {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext(
        "/releases/",
        exchange -> {
          byte[] body = files.get(exchange.getRequestURI().getPath().substring(10));
          try (exchange) {
            if (body == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String source() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/releases";
  }

  private ReleaseFinder finder(SSLContext trusted) {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(trusted)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    return new ReleaseFinder(ReleaseKey.of(publisher.getPublic()), work.resolve("downloads"), http);
  }

  private void publish(String name, KeyPair signer, String ear) throws Exception {
    byte[] bytes = ear.getBytes(StandardCharsets.UTF_8);
    Path made =
        ReleasePackages.write(
            work,
            name,
            ReleasePackages.entries(
                ReleasePackages.manifest(name.replaceAll("[^0-9.]|\\.zip$", ""), bytes),
                signer,
                bytes));
    files.put(name, Files.readAllBytes(made));
    files.put("latest", (name + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void thePackageLatestNamesIsDownloadedAndVerified() throws Exception {
    publish("bulwark-1.2.0.zip", publisher, "the new release");

    ReleaseFinder.Look look = finder(tls).look(source(), RUNNING);

    ReleaseFinder.Found found = look.newest().orElseThrow();
    assertEquals(ReleaseVersion.parse("1.2.0"), found.manifest().version());
    assertEquals(work.resolve("downloads").resolve("bulwark-1.2.0.zip"), found.file());
    assertArrayEquals(files.get("bulwark-1.2.0.zip"), Files.readAllBytes(found.file()));
    assertEquals(0, look.refusals().size(), look.refusals().toString());
  }

  @Test
  void aDownloadedPackageSignedByAnotherKeyIsRefused() throws Exception {
    publish("bulwark-1.2.0.zip", ReleasePackages.pair(), "a forged release");

    ReleaseFinder.Look look = finder(tls).look(source(), RUNNING);

    assertFalse(look.newest().isPresent());
    assertEquals(1, look.refusals().size());
    assertTrue(look.refusals().get(0).startsWith("bulwark-1.2.0.zip: Its signature"));
  }

  @Test
  void aServerWhoseCertificateIsNotTrustedIsNotAsked() throws Exception {
    publish("bulwark-1.2.0.zip", publisher, "the new release");
    SSLContext defaults = SSLContext.getDefault();

    assertThrows(SSLHandshakeException.class, () -> finder(defaults).look(source(), RUNNING));
    assertFalse(Files.exists(work.resolve("downloads").resolve("bulwark-1.2.0.zip")));
  }

  @Test
  void aLatestFileThatNamesNoPackageOrAMissingOneIsAnError() throws Exception {
    files.put("latest", "../../etc/passwd\n".getBytes(StandardCharsets.UTF_8));
    IOException noName = assertThrows(IOException.class, () -> finder(tls).look(source(), RUNNING));
    assertEquals("its latest file names no package", noName.getMessage());

    files.put("latest", "bulwark-9.9.9.zip\n".getBytes(StandardCharsets.UTF_8));
    IOException missing =
        assertThrows(IOException.class, () -> finder(tls).look(source(), RUNNING));
    assertEquals("/releases/bulwark-9.9.9.zip answered 404", missing.getMessage());
  }
}
