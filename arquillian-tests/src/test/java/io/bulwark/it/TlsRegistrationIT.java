package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIP over TLS with a real phone: baresip, trusting the certificate the launcher made at the first
 * start, registers a "TLS only" extension over TLS, while the same phone over UDP is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TlsRegistrationIT {

  private static final String BINDING =
      "select b.transport from registration_binding b join extension e on e.id = b.extension_id"
          + " where e.number = '4021'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  @Test
  void aTlsOnlyExtensionRegistersOverTlsAndNotOverUdp() throws Exception {
    ExtensionsApi api = new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));
    long id = api.createValid("4021", "tls4021", "TlsPh0neSecret");
    assertEquals(
        200,
        api.updateSecurity(id, Json.createObjectBuilder().add("tlsOnly", true).build())
            .statusCode());

    String overUdp = register("udp", TestEnvironment.sipPort());
    assertTrue(overUdp.contains("403 Forbidden"), overUdp);
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'REGISTRATION_FAILED'"
                + " and identity = 'tls4021' and detail like '%TLS only%'"));

    String overTls = register("tls", TestEnvironment.port("BULWARK_SIP_TLS_PORT", 15061));
    assertTrue(overTls.contains("200 OK () [1 binding]"), overTls);
  }

  /** Runs baresip for a few seconds with the account over {@code transport}; its output. */
  private static String register(String transport, int port)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(Path.of("target"), "baresip-tls-");
    Path ca = dir.resolve("bulwark.pem");
    Commands.run(
            "openssl",
            "pkcs12",
            "-in",
            TestEnvironment.home().resolve("certs/https.p12").toString(),
            "-nokeys",
            "-passin",
            "pass:" + TestEnvironment.secret("tls.pw"),
            "-out",
            ca.toString())
        .check();
    int localPort = TestEnvironment.freeBaresipPort(java.net.InetAddress.getLoopbackAddress());
    Files.writeString(
        dir.resolve("config"),
        String.join(
            "\n",
            "poll_method epoll",
            "sip_listen 127.0.0.1:" + localPort,
            "sip_cafile " + ca,
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module_app account.so",
            ""));
    Files.writeString(
        dir.resolve("accounts"),
        "<sip:4021@127.0.0.1:"
            + port
            + ";transport="
            + transport
            + ">;auth_user=tls4021;auth_pass=TlsPh0neSecret;regint=300\n");
    Process phone =
        new ProcessBuilder("baresip", "-f", dir.toString(), "-t", "5", "-s")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    if (transport.equals("tls")) {
      List<List<String>> rows = Database.awaitRows(List.of(List.of("TLS")), BINDING);
      assertEquals(List.of(List.of("TLS")), rows, "the binding says TLS");
    }
    assertTrue(phone.waitFor(30, TimeUnit.SECONDS), "baresip did not quit");
    return Files.readString(dir.resolve("out.txt"));
  }
}
