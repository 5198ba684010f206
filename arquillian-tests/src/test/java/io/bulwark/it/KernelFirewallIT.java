package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kernel backend: with it on, the defenses are the nftables table {@code inet bulwark}, and a
 * blocked source's datagrams are dropped by the kernel before the JVM sees them. The attacker is a
 * network namespace the test makes, joined to this one by a veth pair of its own: its flood travels
 * that pair only. Needs root (the suite runs as root; nft and iproute2 are installed by {@code
 * ./bulwark test}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KernelFirewallIT {

  private static final String NAMESPACE = "bwkernel";
  // From the benchmarking range (RFC 2544): no private network, so no Accept rule of a fresh
  // install trusts it, and registered in no country.
  private static final String HOST_SIDE = "198.18.7.1";
  private static final String ATTACKER = "198.18.7.2";
  private static final int FLOOD = 2_000;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  /** A namespace whose veth pair makes its sender a host on the server's own link. */
  @BeforeEach
  void attackerOnTheLinkAndKernelBackendOn() throws InterruptedException {
    Commands.run("ip", "netns", "del", NAMESPACE); // one an interrupted run left, if any
    Commands.run("ip", "link", "del", "bwk0");
    Commands.run("ip", "netns", "add", NAMESPACE).check();
    Commands.run("ip", "link", "add", "bwk0", "type", "veth", "peer", "name", "bwk1").check();
    Commands.run("ip", "link", "set", "bwk1", "netns", NAMESPACE).check();
    Commands.run("ip", "addr", "add", HOST_SIDE + "/30", "dev", "bwk0").check();
    Commands.run("ip", "link", "set", "bwk0", "up").check();
    inNamespace("ip", "addr", "add", ATTACKER + "/30", "dev", "bwk1").check();
    inNamespace("ip", "link", "set", "bwk1", "up").check();
    inNamespace("ip", "link", "set", "lo", "up").check();

    JsonObject settings = Http.object(send("GET", "/defense/settings", null));
    HttpResponse<String> on =
        send(
            "PUT",
            "/defense/settings",
            Json.createObjectBuilder(settings).add("kernelBackend", true).build());
    assertEquals(200, on.statusCode(), on.body());
    assertTrue(awaitTable(true), "the table inet bulwark is made");
    String chain = Commands.run("nft", "list", "chain", "inet", "bulwark", "input").check();
    assertTrue(chain.contains("comment \"rule Default_Private_IPv4_1\""), chain);
    assertEquals("SIP/2.0 200 OK", options(), "the attacker is answered at first");
  }

  @AfterEach
  void kernelBackendOffAndNamespaceGone() throws InterruptedException {
    JsonObject current = Http.object(send("GET", "/defense/settings", null));
    send(
        "PUT",
        "/defense/settings",
        Json.createObjectBuilder(current).add("kernelBackend", false).build());
    Commands.run("ip", "netns", "del", NAMESPACE); // takes bwk1 and so its peer bwk0 along
    Commands.run("ip", "link", "del", "bwk0"); // left only if bwk1 never moved
    assertTrue(awaitTable(false), "turned off, the table is removed");
  }

  @Test
  void aBlockedSourcesFloodIsDroppedByTheKernelBeforeTheJvm() throws InterruptedException {
    HttpResponse<String> blocked =
        send(
            "POST",
            "/defense/blocked",
            Json.createObjectBuilder()
                .add("source", ATTACKER)
                .add("reason", "IT: kernel")
                .add("minutes", 30)
                .build());
    assertEquals(201, blocked.statusCode(), blocked.body());
    long id = Http.object(blocked).getJsonNumber("id").longValue();
    assertTrue(awaitBlockedSet(true), "the block reaches the kernel's set");

    double shutOutBefore = metric("bulwark_sip_udp_shut_out_total");
    long droppedBefore = blockedCounter();
    flood();
    long dropped = blockedCounter() - droppedBefore;
    double shutOut = metric("bulwark_sip_udp_shut_out_total") - shutOutBefore;
    System.out.printf(
        "kernel backend: %d datagrams sent, %d dropped by the nftables rule, %.0f seen and shut"
            + " out by the JVM%n",
        FLOOD, dropped, shutOut);
    assertTrue(dropped >= FLOOD, "the kernel dropped " + dropped);
    assertEquals(0.0, shutOut, "no datagram of the flood reached the JVM");
    assertEquals("", options(), "no answer");

    assertEquals(204, send("DELETE", "/defense/blocked/" + id, null).statusCode());
    assertTrue(awaitBlockedSet(false), "the lifted block leaves the kernel's set");
    assertEquals("SIP/2.0 200 OK", options(), "answered again");
  }

  @Test
  void aStaticRuleOnTheAttackersMacAddressDropsItInTheKernel() throws InterruptedException {
    String mac = inNamespace("cat", "/sys/class/net/bwk1/address").check().strip();
    HttpResponse<String> byMac =
        send(
            "POST",
            "/defense/static-rules",
            Json.createObjectBuilder()
                .add("name", "IT attacker card")
                .add("source", mac.toUpperCase(Locale.ROOT))
                .add("protocol", "UDP")
                .add("service", "SIP")
                .add("action", "DROP")
                .add("position", 0)
                .build());
    assertEquals(201, byMac.statusCode(), byMac.body());
    long rule = Http.object(byMac).getJsonNumber("id").longValue();
    try {
      assertTrue(
          awaitChain("ether saddr " + mac, true), "the rule matches the card's address in nft");
      assertEquals("", options(), "a Drop rule on its MAC address silences the attacker");
      assertTrue(counterOf("rule IT attacker card") > 0, "counted by the kernel");
    } finally {
      assertEquals(204, send("DELETE", "/defense/static-rules/" + rule, null).statusCode());
    }
    assertTrue(awaitChain("ether saddr", false), "the rule leaves the table");
    assertEquals("SIP/2.0 200 OK", options(), "answered once the rule is gone");
  }

  @Test
  void theCountryFilterDropsSourcesOfOtherCountriesInTheKernel() throws InterruptedException {
    JsonObject access = Http.object(send("GET", "/defense/access", null));
    HttpResponse<String> germanOnly =
        send(
            "PUT",
            "/defense/access",
            Json.createObjectBuilder(access)
                .add("countryFilter", true)
                .add("allowedCountries", Json.createArrayBuilder().add("DE"))
                .build());
    assertEquals(200, germanOnly.statusCode(), germanOnly.body());
    try {
      assertTrue(awaitChain("country filter", true), "the country filter reaches the kernel");
      assertEquals(0, allowedByKernel("5.9.0.1"), "the allowed set holds a German address");
      assertEquals(1, allowedByKernel("81.2.69.142"), "and not a British one");
      double shutOutBefore = metric("bulwark_sip_udp_shut_out_total");
      assertEquals("", options(), "a source of no allowed country is dropped");
      assertTrue(counterOf("country filter") > 0, "by the kernel's country filter");
      assertEquals(
          0.0, metric("bulwark_sip_udp_shut_out_total") - shutOutBefore, "before the JVM saw it");
    } finally {
      JsonObject now = Http.object(send("GET", "/defense/access", null));
      HttpResponse<String> restored =
          send(
              "PUT",
              "/defense/access",
              Json.createObjectBuilder(now)
                  .add("countryFilter", access.getBoolean("countryFilter"))
                  .add("allowedCountries", access.getJsonArray("allowedCountries"))
                  .build());
      assertEquals(200, restored.statusCode(), restored.body());
    }
    assertTrue(awaitChain("country filter", false), "turned off, the filter leaves the kernel");
    assertEquals("SIP/2.0 200 OK", options(), "answered again");
  }

  /** The status line of the answer to one OPTIONS from the attacker, or "" after 2 s of silence. */
  private String options() {
    String script =
        "import socket,sys\n"
            + "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
            + "s.bind(('"
            + ATTACKER
            + "',0))\n"
            + "p=s.getsockname()[1]\n"
            + "m=('OPTIONS sip:"
            + HOST_SIDE
            + " SIP/2.0\\r\\nVia: SIP/2.0/UDP "
            + ATTACKER
            + ":%d;branch=z9hG4bK-k%d\\r\\nMax-Forwards: 70\\r\\nFrom: <sip:probe@"
            + ATTACKER
            + ">;tag=k\\r\\nTo: <sip:"
            + HOST_SIDE
            + ">\\r\\nCall-ID: kernel-%d\\r\\nCSeq: 1 OPTIONS\\r\\nContent-Length: 0\\r\\n\\r\\n'"
            + " % (p,p,p)).encode()\n"
            + "s.sendto(m,('"
            + HOST_SIDE
            + "',"
            + TestEnvironment.sipPort()
            + "))\n"
            + "s.settimeout(2)\n"
            + "try:\n"
            + "  print(s.recv(65535).decode().split('\\r\\n')[0])\n"
            + "except socket.timeout:\n"
            + "  print('')\n";
    return inNamespace("python3", "-c", script).check().strip();
  }

  /** {@link #FLOOD} datagrams as fast as one process sends them, then a second for the counters. */
  private void flood() throws InterruptedException {
    String script =
        "import socket\n"
            + "s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
            + "m=b'OPTIONS sip:x SIP/2.0\\r\\n\\r\\n'\n"
            + "for i in range("
            + FLOOD
            + "):\n"
            + "  s.sendto(m,('"
            + HOST_SIDE
            + "',"
            + TestEnvironment.sipPort()
            + "))\n";
    inNamespace("python3", "-c", script).check();
    Thread.sleep(1_000);
  }

  private boolean awaitTable(boolean present) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (Commands.run("nft", "list", "tables").check().contains("inet bulwark") == present) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private boolean awaitChain(String text, boolean present) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      String chain = Commands.run("nft", "list", "chain", "inet", "bulwark", "input").check();
      if (chain.contains(text) == present) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private boolean awaitBlockedSet(boolean member) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      String set = Commands.run("nft", "list", "set", "inet", "bulwark", "blocked4").check();
      if (set.contains(ATTACKER) == member) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** nft's exit status when asked whether {@code address} is in the allowed set: 0 when it is. */
  private static int allowedByKernel(String address) {
    return Commands.run(
            "nft", "get", "element", "inet", "bulwark", "allowed4", "{ " + address + " }")
        .exit();
  }

  /** The packets the rule with {@code comment} counted, over both address families. */
  private static long counterOf(String comment) {
    String chain = Commands.run("nft", "list", "chain", "inet", "bulwark", "input").check();
    Matcher m =
        Pattern.compile("counter packets (\\d+) bytes \\d+ drop comment \"" + comment + "\"")
            .matcher(chain);
    long packets = 0;
    while (m.find()) {
      packets += Long.parseLong(m.group(1));
    }
    return packets;
  }

  private static long blockedCounter() {
    String chain = Commands.run("nft", "list", "chain", "inet", "bulwark", "input").check();
    Matcher m =
        Pattern.compile("ip saddr @blocked4 counter packets (\\d+) bytes \\d+ drop").matcher(chain);
    assertTrue(m.find(), chain);
    return Long.parseLong(m.group(1));
  }

  private static double metric(String name) {
    String body = Http.send(Http.request(TestEnvironment.publicUrl() + "/metrics").GET()).body();
    Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(body);
    assertTrue(m.find(), name + " in " + body);
    return Double.parseDouble(m.group(1));
  }

  private HttpResponse<String> send(String method, String path, JsonObject body) {
    return Http.send(
        Http.authorized(TestEnvironment.publicUrl() + "/api/v1" + path, token)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body)));
  }

  private static Commands.Result inNamespace(String... arguments) {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE));
    all.addAll(List.of(arguments));
    return Commands.run(all.toArray(String[]::new));
  }
}
