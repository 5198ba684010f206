package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The firewall through {@code /api/v1/defense}: a blocked source gets no SIP answer while others
 * do; a static Drop rule refuses its source; a source sending more than an auto defense rule allows
 * is blocked; failed authentications lock their source out; a scanner's user agent blocks it at
 * once. Blocks and their lifting are events, and nobody can shut out the address they use. The
 * suite trusts 127.0.0.0/24 (BULWARK_TRUSTED_NETWORKS), so attackers here come from 127.0.9.x.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DefenseIT {

  private static final String ATTACKER = "127.0.0.77";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void aBlockedSourceGetsNoAnswerUntilTheBlockIsLifted() {
    assertNotNull(Probes.options(ATTACKER, "before"), "answered before the block");

    HttpResponse<String> blocked = block(ATTACKER, "IT: a scanner", 30);
    assertEquals(201, blocked.statusCode(), blocked.body());
    JsonObject created = Http.object(blocked);
    long id = created.getJsonNumber("id").longValue();
    assertEquals("MANUAL", created.getString("defenseType"));
    assertTrue(created.getBoolean("active"));
    assertFalse(created.isNull("until"), "a block for 30 minutes has an end");

    assertNull(Probes.options(ATTACKER, "blocked"), "a blocked source gets nothing");
    assertNotNull(Probes.options("127.0.0.1", "others"), "other sources are answered as before");
    assertTrue(send("GET", "/defense/blocked", null).body().contains(ATTACKER));
    assertEquals(
        1,
        Database.count(
            "select count(*) from event_log where type = 'SOURCE_BLOCKED' and source_ip = ?",
            ATTACKER));

    assertEquals(204, send("DELETE", "/defense/blocked/" + id, null).statusCode());
    assertNotNull(Probes.options(ATTACKER, "after"), "answered again once the block is lifted");
    assertEquals(
        1,
        Database.count(
            "select count(*) from event_log where type = 'SOURCE_UNBLOCKED' and source_ip = ?",
            ATTACKER));
    Problems.assertProblem(404, send("DELETE", "/defense/blocked/" + id, null));
  }

  @Test
  void aBlockThatWouldShutOutTheCallerOrThatIsMalformedIsRefusedAndChangesNothing() {
    long before = Database.count("select count(*) from blocked_source");
    Problems.assertProblem(400, block("127.0.0.0/8", "oops", null), "source");
    Problems.assertProblem(400, block("scanner.example.com", "x", null), "source");
    Problems.assertProblem(400, block("203.0.113.9", "x", 0), "minutes");
    assertEquals(before, Database.count("select count(*) from blocked_source"));
  }

  @Test
  void theGuidesDefaultRulesAndTheInstallersTrustAreThere() {
    String rules = send("GET", "/defense/static-rules", null).body();
    for (String expected :
        List.of("Default_Private_IPv4_1", "10.0.0.0/8", "169.254.0.0/16", "Trusted at install: ")) {
      assertTrue(rules.contains(expected), expected + " in " + rules);
    }
    String auto = send("GET", "/defense/auto-rules", null).body();
    assertTrue(auto.contains("\"packets\":40") && auto.contains("\"seconds\":2"), auto);
  }

  @Test
  void aStaticDropRuleRefusesItsSourceUntilItIsDeleted() {
    String source = "127.0.9.1";
    assertNotNull(Probes.options(source, "drop-before"), "answered before the rule");
    HttpResponse<String> created =
        send("POST", "/defense/static-rules", dropRule("IT drop", source, "udp", "SIP").build());
    assertEquals(201, created.statusCode(), created.body());
    long id = Http.object(created).getJsonNumber("id").longValue();

    assertNull(Probes.options(source, "drop-during"), "a dropped source gets nothing");
    assertNotNull(Probes.options("127.0.0.1", "drop-others"), "others are answered");

    assertEquals(204, send("DELETE", "/defense/static-rules/" + id, null).statusCode());
    assertNotNull(Probes.options(source, "drop-after"), "answered again once the rule is gone");
    assertEquals(
        2,
        Database.count(
            "select count(*) from event_log where type in ('STATIC_RULE_CREATED',"
                + " 'STATIC_RULE_DELETED') and detail like ?",
            "%" + source + "%"));
  }

  @Test
  void aRuleNamingADomainDropsTheAddressesItStandsFor() {
    // localhost stands for 127.0.0.1 on every machine, and for no other 127.x address.
    assertNotNull(Probes.options("127.0.0.1", "name-before"), "answered before the rule");
    HttpResponse<String> created =
        send(
            "POST",
            "/defense/static-rules",
            dropRule("IT name", "LocalHost.", "udp", "SIP")
                .add("position", 0) // before the installer's Accept rule for 127.0.0.0/24
                .build());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject rule = Http.object(created);
    long id = rule.getJsonNumber("id").longValue();
    try {
      assertEquals("localhost", rule.getString("source"));
      assertTrue(
          rule.getString("sourceNote").startsWith("Stands for 127.0.0.1"),
          rule.getString("sourceNote"));
      assertNull(Probes.options("127.0.0.1", "name-during"), "its address gets nothing");
      assertNotNull(Probes.options("127.0.9.2", "name-others"), "others are answered");
    } finally {
      assertEquals(204, send("DELETE", "/defense/static-rules/" + id, null).statusCode());
    }
    assertNotNull(Probes.options("127.0.0.1", "name-after"), "answered again once it is gone");
  }

  @Test
  void aRuleNamingAMacAddressSaysThatOnlyTheKernelSeesIt() {
    HttpResponse<String> created =
        send(
            "POST",
            "/defense/static-rules",
            dropRule("IT mac", "00-1A-2B-3C-4D-5E", "both", "ALL").build());
    assertEquals(201, created.statusCode(), created.body());
    JsonObject rule = Http.object(created);
    try {
      assertEquals("00:1a:2b:3c:4d:5e", rule.getString("source"));
      assertTrue(rule.getString("sourceNote").contains("kernel"), rule.getString("sourceNote"));
      assertNotNull(Probes.options("127.0.9.3", "mac"), "nothing is dropped in process");
    } finally {
      send("DELETE", "/defense/static-rules/" + rule.getJsonNumber("id").longValue(), null);
    }
  }

  @Test
  void aRuleThatWouldRefuseTheAdministratorOnTheWebOrIsMalformedIsRefusedAndChangesNothing() {
    long before = Database.count("select count(*) from static_rule");
    HttpResponse<String> lockout =
        send(
            "POST",
            "/defense/static-rules",
            Json.createObjectBuilder()
                .add("name", "IT lock myself out")
                .add("source", "127.0.0.0/8")
                .add("protocol", "BOTH")
                .add("service", "ALL")
                .add("action", "REJECT")
                .add("position", 0)
                .build());
    Problems.assertProblem(400, lockout, "source");
    assertTrue(lockout.body().contains("would refuse the address you are using"), lockout.body());
    Problems.assertProblem(
        400,
        send(
            "POST",
            "/defense/static-rules",
            Json.createObjectBuilder()
                .add("name", "IT bad ports")
                .add("source", "203.0.113.0/24")
                .add("protocol", "TCP")
                .add("service", "PORTS")
                .add("ports", "70000")
                .add("action", "DROP")
                .build()),
        "ports");
    Problems.assertProblem(
        400,
        send(
            "POST",
            "/defense/static-rules",
            Json.createObjectBuilder()
                .add("name", "IT bad protocol")
                .add("source", "203.0.113.0/24")
                .add("protocol", "SCTP")
                .add("service", "ALL")
                .add("action", "DROP")
                .build()),
        "protocol");
    assertEquals(before, Database.count("select count(*) from static_rule"));
  }

  @Test
  void aSourceSendingMoreThanTheUdpRuleAllowsIsBlockedAndOthersAreNot()
      throws InterruptedException {
    String flooder = "127.0.9.2";
    int answered = 0;
    for (int i = 0; i < 45; i++) {
      if (Probes.options(flooder, "flood" + i) != null) {
        answered++;
      } else {
        break;
      }
    }
    assertEquals(40, answered, "the default rule lets 40 datagrams in 2 s through, not the 41st");
    assertNull(Probes.options(flooder, "flood-after"), "blocked from then on");
    assertNotNull(Probes.options("127.0.0.1", "flood-others"), "others are answered");
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from blocked_source where source = ? and defense_type = 'AUTO_DEFENSE'"
                + " and protocol = 'UDP' and attacked_port = ? and until_at is not null",
            flooder,
            TestEnvironment.sipPort()));
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'SOURCE_BLOCKED' and source_ip = ?",
            flooder));
    liftBlocksOf(flooder);
    assertNotNull(Probes.options(flooder, "flood-lifted"), "answered again once unblocked");
  }

  @Test
  void failedAuthenticationsLockTheirSourceOutAndTheBlockNamesTheExtension()
      throws InterruptedException {
    ExtensionsApi api = new ExtensionsApi(token);
    api.createValid("3901", "reg3901", "Lock0utSecret");
    String guesser = "127.0.9.3";
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertEquals(
          403,
          Sipp.register("3901", "reg3901", "Guess" + attempt, 60, "udp", guesser).finalStatus(),
          "attempt " + attempt + " is refused");
    }
    assertNull(Probes.options(guesser, "locked"), "the fifth failure locked the source out");
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from blocked_source where source = ?"
                + " and defense_type = 'REGISTRATION_LOCKOUT' and target = 'SIP extension reg3901'",
            guesser));
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'EXTENSION_REGISTRATION_BLOCKED_OUT'"
                + " and source_ip = ?",
            guesser));
    liftBlocksOf(guesser);
    assertEquals(
        200,
        Sipp.register("3901", "reg3901", "Lock0utSecret", 60, "udp", guesser).finalStatus(),
        "the right password works once the block is lifted");
  }

  @Test
  void aScannersUserAgentBlocksItsSourceAtOnce() throws InterruptedException {
    String scanner = "127.0.9.4";
    String request =
        "OPTIONS sip:100@127.0.0.1 SIP/2.0\n"
            + "Via: SIP/2.0/UDP "
            + scanner
            + ":$PORT;branch=z9hG4bK-scan"
            + System.nanoTime()
            + "\n"
            + "Max-Forwards: 70\n"
            + "From: \"sipvicious\" <sip:100@1.1.1.1>;tag=scan\n"
            + "To: \"sipvicious\" <sip:100@1.1.1.1>\n"
            + "Call-ID: scan-"
            + System.nanoTime()
            + "\n"
            + "CSeq: 1 OPTIONS\n"
            + "User-Agent: friendly-scanner\n"
            + "Content-Length: 0\n\n";
    assertNull(RawSip.exchange(scanner, request), "a scanner gets no answer");
    assertNull(Probes.options(scanner, "scanner-after"), "and nothing after");
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from blocked_source where source = ? and defense_type = 'SCANNER'",
            scanner));
    liftBlocksOf(scanner);
  }

  @Test
  void aScannerFloodFromManyAddressesIsBlockedAndListedWithoutFloodingTheEventLog()
      throws IOException, InterruptedException {
    int sources = 200;
    long eventsBefore =
        Database.count("select count(*) from event_log where type = 'SOURCE_BLOCKED'");
    for (int i = 1; i <= sources; i++) {
      String source = "127.0.11." + i;
      try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
        byte[] request =
            scannerOptions(source, socket.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
        socket.send(
            new DatagramPacket(
                request,
                request.length,
                InetAddress.getByName("127.0.0.1"),
                TestEnvironment.sipPort()));
      }
    }
    assertEquals(
        sources,
        Database.awaitCount(
            sources,
            "select count(*) from blocked_source where source like '127.0.11.%'"
                + " and defense_type = 'SCANNER'"));
    long events =
        Database.count("select count(*) from event_log where type = 'SOURCE_BLOCKED'")
            - eventsBefore;
    assertTrue(
        events < sources, events + " events: blocks decided within a second share one summary");
    for (JsonValue row : Http.array(send("GET", "/defense/blocked", null))) {
      JsonObject block = row.asJsonObject();
      if (block.getString("source").startsWith("127.0.11.")) {
        send("DELETE", "/defense/blocked/" + block.getJsonNumber("id").longValue(), null);
      }
    }
  }

  private static String scannerOptions(String source, int port) {
    return ("OPTIONS sip:100@127.0.0.1 SIP/2.0\n"
            + "Via: SIP/2.0/UDP "
            + source
            + ":"
            + port
            + ";branch=z9hG4bK-flood"
            + System.nanoTime()
            + "\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:100@"
            + source
            + ">;tag=flood\n"
            + "To: <sip:100@127.0.0.1>\n"
            + "Call-ID: flood-"
            + System.nanoTime()
            + "\n"
            + "CSeq: 1 OPTIONS\n"
            + "User-Agent: friendly-scanner\n"
            + "Content-Length: 0\n\n")
        .replace("\n", "\r\n");
  }

  @Test
  void defenseSettingsChangeAndWrongValuesAreRefused() {
    JsonObject settings = Http.object(send("GET", "/defense/settings", null));
    assertEquals(5, settings.getInt("lockoutAttempts"));
    assertTrue(settings.getJsonArray("scannerAgents").toString().contains("friendly-scanner"));
    Problems.assertProblem(
        400,
        send(
            "PUT",
            "/defense/settings",
            Json.createObjectBuilder(settings).add("lockoutAttempts", 0).build()),
        "lockoutAttempts");
    assertEquals(
        settings.getInt("version"),
        Http.object(send("GET", "/defense/settings", null)).getInt("version"),
        "a refused change saves nothing");
    HttpResponse<String> saved =
        send(
            "PUT",
            "/defense/settings",
            Json.createObjectBuilder(settings).add("autoBlockMinutes", 90).build());
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals(90, Http.object(saved).getInt("autoBlockMinutes"));
    Problems.assertProblem(
        409, send("PUT", "/defense/settings", Json.createObjectBuilder(settings).build()));
    assertEquals(
        200,
        send(
                "PUT",
                "/defense/settings",
                Json.createObjectBuilder(Http.object(saved)).add("autoBlockMinutes", 60).build())
            .statusCode());
  }

  @Test
  void theWebRefusesABlockedSourceBeforeAnyPageOrSignIn() {
    String blocked = "127.0.9.5";
    String login = "/realms/bulwark/.well-known/openid-configuration";
    assertTrue(Probes.httpStatus(blocked) > 0, "answered before the block");
    assertEquals(200, Probes.https(blocked, "GET", login, null, null).status(), "Keycloak too");
    long id = Http.object(block(blocked, "IT: web scanner", 30)).getJsonNumber("id").longValue();
    assertEquals(
        0, Probes.httpStatus(blocked), "a blocked source's connection is closed unanswered");
    assertEquals(
        0,
        Probes.https(blocked, "GET", login, null, null).status(),
        "and it gets no Keycloak page to guess passwords at");
    assertTrue(Probes.httpStatus("127.0.9.6") > 0, "others are answered");
    assertEquals(204, send("DELETE", "/defense/blocked/" + id, null).statusCode());
    assertTrue(Probes.httpStatus(blocked) > 0, "answered again once the block is lifted");
    Probes.Answer master =
        Probes.https(blocked, "GET", "/realms/master/.well-known/openid-configuration", null, null);
    assertTrue(
        master.status() != 200 && !master.body().contains("issuer"),
        "the master realm is not served on the public port: " + master);
  }

  @Test
  void aBlockEndsAConnectionItsSourceHoldsOpen() throws Exception {
    String source = "127.0.9.7";
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(Http.trustStore());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    URI web = URI.create(TestEnvironment.publicUrl());
    try (SSLSocket socket =
        (SSLSocket)
            tls.getSocketFactory()
                .createSocket(web.getHost(), web.getPort(), InetAddress.getByName(source), 0)) {
      socket.setSoTimeout(10_000);
      assertEquals("HTTP/1.1 200 OK", keptAlive(socket), "answered on the open connection");
      assertEquals("HTTP/1.1 200 OK", keptAlive(socket), "again, on the same connection");
      long id = Http.object(block(source, "IT: keep-alive", 30)).getJsonNumber("id").longValue();
      try {
        assertNull(keptAlive(socket), "its next request ends the connection unanswered");
      } finally {
        assertEquals(204, send("DELETE", "/defense/blocked/" + id, null).statusCode());
      }
    }
  }

  /**
   * The status line of a GET of /health on {@code socket}, its body read so that the connection can
   * carry the next; null when the server closed the connection instead of answering.
   */
  private static String keptAlive(SSLSocket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    try {
      InputStream in = socket.getInputStream();
      String status = line(in);
      if (status == null) {
        return null;
      }
      int length = 0;
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(header.substring("content-length:".length()).strip());
        }
      }
      in.readNBytes(length);
      return status;
    } catch (SocketException | SSLException e) {
      return null; // reset or closed without a TLS close_notify
    }
  }

  /** One CRLF-ended line, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        return line.toString().stripTrailing();
      }
      line.append((char) c);
    }
    return line.isEmpty() ? null : line.toString();
  }

  @Test
  void aRequestForADecoyExtensionBlocksItsSourceAtOnce() throws InterruptedException {
    HttpResponse<String> created =
        send(
            "POST",
            "/defense/decoys",
            Json.createObjectBuilder().add("number", "3998").add("note", "IT bait").build());
    assertEquals(201, created.statusCode(), created.body());
    long id = Http.object(created).getJsonNumber("id").longValue();
    new ExtensionsApi(token).createValid("3997", "reg3997", "DecoyTestReal9");
    Problems.assertProblem(
        400,
        send("POST", "/defense/decoys", Json.createObjectBuilder().add("number", "3997").build()),
        "number");
    Problems.assertProblem(
        400,
        send("POST", "/defense/decoys", Json.createObjectBuilder().add("number", "39x").build()),
        "number");

    String prober = "127.0.9.7";
    assertNull(
        RawSip.exchange(prober, optionsTo("3998", prober)), "asking for a decoy gets nothing");
    assertNull(Probes.options(prober, "decoy-after"), "and nothing after");
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from blocked_source where source = ? and defense_type = 'DECOY'"
                + " and target = 'SIP extension 3998'",
            prober));
    liftBlocksOf(prober);
    assertEquals(204, send("DELETE", "/defense/decoys/" + id, null).statusCode());
    assertNotNull(RawSip.exchange(prober, optionsTo("3998", prober)), "no decoy, no block");
  }

  @Test
  void checkingAnAddressSaysWhatWouldHappenAndWhy() {
    JsonValue trusted = Http.array(send("GET", "/defense/check?address=127.0.0.1", null)).get(0);
    assertEquals("SIP over UDP", trusted.asJsonObject().getString("service"));
    assertTrue(trusted.asJsonObject().getBoolean("admitted"));
    assertTrue(
        trusted.asJsonObject().getString("because").contains("Trusted at install"),
        trusted.toString());
    JsonValue stranger =
        Http.array(send("GET", "/defense/check?address=198.51.100.20", null)).get(0);
    assertTrue(
        stranger.asJsonObject().getString("because").contains("auto defense blocks it beyond udp"),
        stranger.toString());
    Problems.assertProblem(400, send("GET", "/defense/check?address=10.0.0.0/8", null), "address");
  }

  @Test
  void aBlocklistFeedServedOverHttpShutsOutWhatItNamesUntilItIsTurnedOff() throws IOException {
    String listed = "127.0.9.8";
    String feed =
        "# test feed\r\n; another comment\r\n\r\n"
            + listed
            + " ; scanner\r\n203.0.113.0/24 # a network\r\nnot-an-address\r\n";
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/drop.txt",
        exchange -> {
          byte[] body = feed.getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/drop.txt";
      Problems.assertProblem(
          400,
          send(
              "PUT",
              "/defense/blocklist",
              Json.createObjectBuilder()
                  .add("enabled", true)
                  .add("url", "ftp://example.com/x")
                  .add("intervalHours", 24)
                  .build()),
          "url");
      assertNotNull(Probes.options(listed, "blocklist-before"), "answered before the blocklist");

      HttpResponse<String> on =
          send(
              "PUT",
              "/defense/blocklist",
              Json.createObjectBuilder()
                  .add("enabled", true)
                  .add("url", url)
                  .add("intervalHours", 24)
                  .build());
      assertEquals(200, on.statusCode(), on.body());
      JsonObject status = Http.object(on);
      assertEquals(2, status.getInt("entries"), on.body());
      assertEquals(1, status.getInt("skippedLines"), on.body());
      assertFalse(status.containsKey("lastError"), on.body());

      assertNull(Probes.options(listed, "blocklist-on"), "a listed source gets nothing from SIP");
      assertEquals(0, Probes.httpStatus(listed), "nor from the web");
      assertNotNull(Probes.options("127.0.0.1", "blocklist-others"), "others are answered");
      assertFalse(
          Http.array(send("GET", "/defense/check?address=203.0.113.5", null))
              .get(0)
              .asJsonObject()
              .getBoolean("admitted"));
      assertEquals(
          1,
          Database.count(
              "select count(*) from event_log where type = 'BLOCKLIST_SYNCED' and detail like ?",
              "2 entries%"));

      assertEquals(200, turnOff(url).statusCode());
      assertNotNull(Probes.options(listed, "blocklist-off"), "answered again once the list is off");
    } finally {
      turnOff("");
      server.stop(0);
    }
  }

  private HttpResponse<String> turnOff(String url) {
    return send(
        "PUT",
        "/defense/blocklist",
        Json.createObjectBuilder()
            .add("enabled", false)
            .add("url", url)
            .add("intervalHours", 24)
            .build());
  }

  /** The HTTP status the portal answers a request from {@code source} with; 0 for none. */
  private static String optionsTo(String number, String source) {
    return "OPTIONS sip:"
        + number
        + "@127.0.0.1 SIP/2.0\n"
        + "Via: SIP/2.0/UDP "
        + source
        + ":$PORT;branch=z9hG4bK-decoy"
        + System.nanoTime()
        + "\n"
        + "Max-Forwards: 70\n"
        + "From: <sip:probe@"
        + source
        + ">;tag=decoy\n"
        + "To: <sip:"
        + number
        + "@127.0.0.1>\n"
        + "Call-ID: decoy-"
        + System.nanoTime()
        + "\n"
        + "CSeq: 1 OPTIONS\n"
        + "Content-Length: 0\n\n";
  }

  private void liftBlocksOf(String source) {
    for (JsonValue row : Http.array(send("GET", "/defense/blocked", null))) {
      JsonObject block = row.asJsonObject();
      if (block.getString("source").equals(source)) {
        assertEquals(
            204,
            send("DELETE", "/defense/blocked/" + block.getJsonNumber("id").longValue(), null)
                .statusCode());
      }
    }
  }

  /** A Drop rule for {@code source}, named uniquely after {@code name}; callers add the rest. */
  private static JsonObjectBuilder dropRule(
      String name, String source, String protocol, String service) {
    return Json.createObjectBuilder()
        .add("name", name + " " + System.nanoTime())
        .add("source", source)
        .add("protocol", protocol)
        .add("service", service)
        .add("action", "DROP");
  }

  private HttpResponse<String> block(String source, String reason, Integer minutes) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("source", source).add("reason", reason);
    if (minutes != null) {
      body.add("minutes", minutes);
    }
    return send("POST", "/defense/blocked", body.build());
  }

  private HttpResponse<String> send(String method, String path, JsonStructure body) {
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body);
    return Http.send(
        Http.request(TestEnvironment.publicUrl() + "/api/v1" + path)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, publisher));
  }
}
