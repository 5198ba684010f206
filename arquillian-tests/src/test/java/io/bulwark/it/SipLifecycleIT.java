package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Undeploy stops SIP completely: the ports are free again and no stack thread is left. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipLifecycleIT {

  private static final Pattern STACK_THREAD =
      Pattern.compile(
          "EventScannerThread|DefaultSipTimerThread|BlockingQueueDispatchAuditor.*"
              + "|MessageProcessorThread.*|.*MessageChannelThread.*|TCPMessageChannel.*|bulwark-.*");

  @ArquillianResource private Deployer deployer;
  @ArquillianResource private ManagementClient management;

  @Deployment(name = "bulwark", managed = false, testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  @Test
  void undeployFreesThePortsAndEndsEveryStackThread() throws Exception {
    for (int round = 1; round <= 2; round++) {
      deployer.deploy("bulwark");
      assertEquals(200, Sipp.run("options.xml", "SEQUENTIAL\nx\n", "udp").finalStatus());
      assertThrows(BindException.class, SipLifecycleIT::bindUdp, "SIP must hold the UDP port");
      deployer.undeploy("bulwark");

      bindUdp();
      bindTcp();
      assertEquals(List.of(), awaitNoStackThreads(), "stack threads left after round " + round);
    }
  }

  private List<String> awaitNoStackThreads() throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<String> left = stackThreads();
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      left = stackThreads();
    }
    return left;
  }

  private List<String> stackThreads() throws IOException {
    ModelNode op = new ModelNode();
    op.get("operation").set("dump-all-threads");
    op.get("address").add("core-service", "platform-mbean").add("type", "threading");
    op.get("locked-monitors").set(false);
    op.get("locked-synchronizers").set(false);
    ModelNode result = management.getControllerClient().execute(op);
    assertEquals("success", result.get("outcome").asString(), result.toString());
    List<String> names = new ArrayList<>();
    for (ModelNode thread : result.get("result").asList()) {
      String name = thread.get("thread-name").asString();
      if (STACK_THREAD.matcher(name).matches()) {
        names.add(name);
      }
    }
    return names;
  }

  private static void bindUdp() throws IOException {
    try (DatagramSocket socket =
        new DatagramSocket(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), TestEnvironment.sipPort()))) {
      socket.getLocalPort();
    }
  }

  private static void bindTcp() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), TestEnvironment.sipPort()));
    }
  }
}
