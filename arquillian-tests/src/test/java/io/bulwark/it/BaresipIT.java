package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** A real SIP phone (Debian's baresip) registers to an extension created through the API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BaresipIT {

  private static final String BINDING =
      "select b.user_agent, b.transport from registration_binding b join extension e"
          + " on e.id = b.extension_id where e.number = '4001'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  @Test
  void baresipRegistersAndUnregistersOnExit() throws Exception {
    new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"))
        .createValid("4001", "phone4001", "BaresipPh0ne");
    Path config = Files.createTempDirectory(Path.of("target"), "baresip-");
    int localPort = TestEnvironment.freeBaresipPort(java.net.InetAddress.getLoopbackAddress());
    Files.writeString(
        config.resolve("config"),
        "poll_method epoll\n"
            + "sip_listen 127.0.0.1:"
            + localPort
            + "\n"
            + "module_path /usr/lib/baresip/modules\n"
            + "module g711.so\n"
            + "module_app account.so\n");
    Files.writeString(
        config.resolve("accounts"),
        "<sip:4001@127.0.0.1:"
            + TestEnvironment.sipPort()
            + ";transport=udp>"
            + ";auth_user=phone4001;auth_pass=BaresipPh0ne;regint=300\n");

    Process phone =
        new ProcessBuilder("baresip", "-f", config.toString(), "-t", "8", "-s")
            .redirectErrorStream(true)
            .redirectOutput(config.resolve("out.txt").toFile())
            .start();
    List<List<String>> bindings = List.of();
    long deadline = System.nanoTime() + 7_000_000_000L;
    while (bindings.isEmpty() && System.nanoTime() < deadline && phone.isAlive()) {
      Thread.sleep(200);
      bindings = Database.query(BINDING);
    }
    assertTrue(phone.waitFor(20, TimeUnit.SECONDS), "baresip did not quit");
    String output = Files.readString(config.resolve("out.txt"));

    assertEquals(1, bindings.size(), output);
    assertTrue(bindings.get(0).get(0).startsWith("baresip"), bindings.toString());
    assertEquals("UDP", bindings.get(0).get(1));
    assertTrue(output.contains("200 OK () [1 binding]"), output);
    assertEquals(
        List.of(), Database.awaitRows(List.of(), BINDING), "baresip unregisters when it quits");
  }
}
