package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * System > Event Notification and the event log, against a real SMTP server (GreenMail) and a
 * webhook receiver in this test that checks every signature: templates with a preview, the level an
 * event is logged at, contacts told by email and webhook, read and unread events, CSV, and the
 * security log whose tampering is found, located, and itself notified.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventNotificationIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  /** One call the webhook receiver got. */
  record Call(String timestamp, String signature, String body) {}

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private GreenMail smtp;
  private HttpServer webhook;

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            calls.add(
                new Call(
                    exchange.getRequestHeaders().getFirst("X-Bulwark-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Bulwark-Signature"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
  }

  @AfterEach
  void stop() {
    webhook.stop(0);
    smtp.stop();
  }

  @Test
  void contactsAreToldByEmailAndSignedWebhookAndTamperingWithTheSecurityLogIsFound()
      throws Exception {
    assertEquals(
        200,
        Http.api(admin, "PUT", "/mail", mail("127.0.0.1", smtp.getSmtp().getPort())).statusCode());
    long contact = 0;
    try {
      long before = Database.count("select count(*) from notification_contact");
      HttpResponse<String> refused =
          Http.api(
              admin,
              "POST",
              "/event-notification/contacts",
              Json.createObjectBuilder()
                  .add("name", "Bad hook")
                  .add("webhookUrl", "file:///etc/passwd")
                  .build());
      Problems.assertProblem(400, refused, "webhookUrl");
      assertEquals(before, Database.count("select count(*) from notification_contact"));

      HttpResponse<String> created =
          Http.api(
              admin,
              "POST",
              "/event-notification/contacts",
              Json.createObjectBuilder()
                  .add("name", "Night shift")
                  .add("email", "noc@example.com")
                  .add("webhookUrl", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook")
                  .build());
      assertEquals(201, created.statusCode(), created.body());
      contact = Http.object(created).getJsonNumber("id").longValue();
      String secret = Http.object(created).getString("webhookSecret");
      assertEquals(43, secret.length());
      JsonObject listed =
          Http.array(Http.api(admin, "GET", "/event-notification/contacts", null)).getJsonObject(0);
      assertFalse(listed.containsKey("webhookSecret"), "the secret is shown once: " + listed);

      assertEquals(
          204,
          Http.api(admin, "POST", "/event-notification/contacts/" + contact + "/test", null)
              .statusCode());
      assertEquals("[Bulwark PBX] Test notification", received(1).get(0).getSubject());
      assertEquals("TEST", signed(secret).getString("event"));

      templatesArePreviewedAndAWrongOneChangesNothing();
      String blocked = "198.51.100.77";
      long firstBlock = block(blocked);
      MimeMessage alert = received(2).get(1);
      assertEquals("Blocked: " + blocked + " (Alert)", alert.getSubject());
      assertEquals("noc@example.com", alert.getAllRecipients()[0].toString());
      JsonObject event = signed(secret);
      assertEquals("SOURCE_BLOCKED", event.getString("event"));
      assertEquals("SECURITY", event.getString("category"));
      assertTrue(event.getString("text").contains(blocked), event.toString());

      aTypeGivenAnotherLevelIsLoggedAtItAndOneTurnedOffTellsNobody(firstBlock);
      HttpResponse<String> rotated =
          Http.api(
              admin, "POST", "/event-notification/contacts/" + contact + "/webhook-secret", null);
      String newSecret = Http.object(rotated).getString("webhookSecret");
      assertNotEquals(secret, newSecret);
      long secondBlock = block("198.51.100.78");
      assertEquals("Blocked: 198.51.100.78 (Alert)", received(3).get(2).getSubject());
      Call call = calls.poll(20, TimeUnit.SECONDS);
      assertFalse(call.signature().equals(signature(secret, call)), "the old secret signs no more");
      assertEquals(signature(newSecret, call), call.signature());
      Http.api(admin, "DELETE", "/defense/blocked/" + secondBlock, null);

      eventsAreMarkedReadAndExported();
      tamperingWithTheSecurityLogIsLocatedAndNotified(blocked);
    } finally {
      if (contact != 0) {
        Http.api(admin, "DELETE", "/event-notification/contacts/" + contact, null);
      }
      for (String type : List.of("SOURCE_BLOCKED", "SOURCE_UNBLOCKED")) {
        Http.api(
            admin,
            "PUT",
            "/event-notification/event-types/" + type,
            Json.createObjectBuilder()
                .add("level", type.equals("SOURCE_BLOCKED") ? "ALERT" : "INFO")
                .add("notification", type.equals("SOURCE_BLOCKED"))
                .build());
      }
      Http.api(admin, "PUT", "/mail", mail("", 587));
    }
  }

  @Test
  void aContactCalledAtAnExtensionHearsTheNotificationSpokenAndBulwarkHangsUp() throws Exception {
    new ExtensionsApi(admin).createValid("3701", "notify3701", "Notify7Secret");
    long contacts = Database.count("select count(*) from notification_contact");
    HttpResponse<String> noSuchExtension =
        Http.api(
            admin,
            "POST",
            "/event-notification/contacts",
            Json.createObjectBuilder()
                .add("name", "Nobody at 3799")
                .add("callExtension", "3799")
                .build());
    Problems.assertProblem(400, noSuchExtension, "callExtension");
    assertEquals(contacts, Database.count("select count(*) from notification_contact"));

    HttpResponse<String> created =
        Http.api(
            admin,
            "POST",
            "/event-notification/contacts",
            Json.createObjectBuilder()
                .add("name", "Duty phone")
                .add("callExtension", "3701")
                .build());
    assertEquals(201, created.statusCode(), created.body());
    long contact = Http.object(created).getJsonNumber("id").longValue();
    try {
      HttpResponse<String> unregistered =
          Http.api(admin, "POST", "/event-notification/contacts/" + contact + "/test", null);
      assertEquals(503, unregistered.statusCode(), unregistered.body());
      assertTrue(
          unregistered.body().contains("extension 3701 has no registered phone"),
          unregistered.body());

      int phone = TestEnvironment.freeSipPort();
      assertEquals(
          200, Sipp.registerAt("3701", "notify3701", "Notify7Secret", phone).finalStatus());
      try (DatagramSocket media = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
        Sipp.Answering answering =
            Sipp.phone("message-uas.xml", phone, "rtpport", Integer.toString(media.getLocalPort()));
        CompletableFuture<HttpResponse<String>> test =
            CompletableFuture.supplyAsync(
                () ->
                    Http.api(
                        admin, "POST", "/event-notification/contacts/" + contact + "/test", null));
        int heard = rtpPacketsUntilQuiet(media);
        assertEquals(204, test.get(40, TimeUnit.SECONDS).statusCode());
        Sipp.Run call = answering.await();
        assertEquals(200, call.finalStatus(), call.messages());
        assertTrue(
            call.messages().contains("From: \"Bulwark PBX\" <sip:bulwark@"), call.messages());
        // Three seconds at least of G.711 in 20 ms packets: the message was spoken, not a blip.
        assertTrue(heard >= 150, heard + " RTP packets heard");
      }
    } finally {
      Http.api(admin, "DELETE", "/event-notification/contacts/" + contact, null);
    }
  }

  @Test
  void aContactCalledAtAMobileNumberIsReachedThroughTheOutboundRouteThatTakesIt() throws Exception {
    String provider = "127.0.0.76";
    int port = TestEnvironment.freeBaresipPort(InetAddress.getByName(provider));
    HttpResponse<String> trunk =
        Http.api(
            admin,
            "POST",
            "/trunks",
            Json.createObjectBuilder()
                .add("name", "Notify provider")
                .add("kind", "PEER")
                .add("host", provider)
                .add("port", port)
                .build());
    assertEquals(201, trunk.statusCode(), trunk.body());
    long trunkId = Http.object(trunk).getJsonNumber("id").longValue();
    long routeId = 0;
    long contact = 0;
    try {
      HttpResponse<String> noRoute =
          Http.api(
              admin,
              "POST",
              "/event-notification/contacts",
              Json.createObjectBuilder()
                  .add("name", "On call")
                  .add("callMobile", "+4917012345678")
                  .build());
      assertEquals(201, noRoute.statusCode(), noRoute.body());
      contact = Http.object(noRoute).getJsonNumber("id").longValue();
      String testPath = "/event-notification/contacts/" + contact + "/test";
      HttpResponse<String> unrouted = Http.api(admin, "POST", testPath, null);
      assertEquals(503, unrouted.statusCode(), unrouted.body());
      assertTrue(unrouted.body().contains("no outbound route takes the number"), unrouted.body());

      HttpResponse<String> route =
          Http.api(
              admin,
              "POST",
              "/outbound-routes",
              Json.createObjectBuilder()
                  .add("name", "Notify mobiles")
                  .add(
                      "dialPatterns",
                      Json.createArrayBuilder()
                          .add(Json.createObjectBuilder().add("pattern", "+49.").add("strip", 0)))
                  .add("trunkIds", Json.createArrayBuilder().add(trunkId))
                  .add("members", Json.createArrayBuilder())
                  .build());
      assertEquals(201, route.statusCode(), route.body());
      routeId = Http.object(route).getJsonNumber("id").longValue();

      try (DatagramSocket media = new DatagramSocket(0, InetAddress.getByName(provider))) {
        Sipp.Answering mobile =
            Sipp.phoneAt(
                "message-uas.xml",
                provider,
                port,
                "rtpport",
                Integer.toString(media.getLocalPort()));
        CompletableFuture<HttpResponse<String>> test =
            CompletableFuture.supplyAsync(() -> Http.api(admin, "POST", testPath, null));
        int heard = rtpPacketsUntilQuiet(media);
        HttpResponse<String> tested = test.get(40, TimeUnit.SECONDS);
        assertEquals(204, tested.statusCode(), tested.body());
        Sipp.Run call = mobile.await();
        assertEquals(200, call.finalStatus(), call.messages());
        assertTrue(call.messages().contains("INVITE sip:+4917012345678@"), call.messages());
        assertTrue(heard >= 150, heard + " RTP packets heard");
      }
    } finally {
      if (contact != 0) {
        Http.api(admin, "DELETE", "/event-notification/contacts/" + contact, null);
      }
      if (routeId != 0) {
        Http.api(admin, "DELETE", "/outbound-routes/" + routeId, null);
      }
      Http.api(admin, "DELETE", "/trunks/" + trunkId, null);
    }
  }

  /** RTP packets of PCMU arriving until none came for three seconds (60 s at most). */
  private static int rtpPacketsUntilQuiet(DatagramSocket media) throws Exception {
    media.setSoTimeout(10_000);
    byte[] buffer = new byte[2048];
    int packets = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        media.receive(packet);
      } catch (java.net.SocketTimeoutException e) {
        break;
      }
      if (packet.getLength() > 12 && (buffer[0] & 0xC0) == 0x80 && (buffer[1] & 0x7F) == 0) {
        packets++;
      }
      media.setSoTimeout(3_000);
    }
    return packets;
  }

  private void templatesArePreviewedAndAWrongOneChangesNothing() {
    String path = "/event-notification/event-types/SOURCE_BLOCKED";
    JsonObject shipped = Http.object(Http.api(admin, "GET", path, null));
    assertTrue(shipped.getBoolean("defaultTemplate"));
    assertTrue(shipped.getBoolean("notification"), "alerts notify on a new system");

    HttpResponse<String> wrong =
        Http.api(
            admin,
            "PUT",
            path,
            Json.createObjectBuilder()
                .add("level", "ALERT")
                .add("notification", true)
                .add("subject", "Blocked: {{adress}}")
                .add("body", "x")
                .build());
    Problems.assertProblem(400, wrong, "subject");
    assertTrue(wrong.body().contains("{{adress}} is not a variable"), wrong.body());
    assertEquals(shipped, Http.object(Http.api(admin, "GET", path, null)));

    JsonObject preview =
        Http.object(
            Http.api(
                admin,
                "POST",
                path + "/preview",
                Json.createObjectBuilder()
                    .add("subject", "Blocked: {{ip}} ({{level}})")
                    .add("body", "{{event}} from {{ip}}: {{detail}}")
                    .build()));
    assertEquals("Blocked: 203.0.113.7 (Alert)", preview.getString("subject"));
    assertTrue(preview.getString("body").startsWith("Source blocked from 203.0.113.7"));

    HttpResponse<String> saved =
        Http.api(
            admin,
            "PUT",
            path,
            Json.createObjectBuilder()
                .add("level", "ALERT")
                .add("notification", true)
                .add("subject", "Blocked: {{ip}} ({{level}})")
                .add("body", "{{event}} {{ip}}: {{detail}}")
                .add("version", shipped.getInt("version"))
                .build());
    assertEquals(200, saved.statusCode(), saved.body());
    assertFalse(Http.object(saved).getBoolean("defaultTemplate"));
  }

  private void aTypeGivenAnotherLevelIsLoggedAtItAndOneTurnedOffTellsNobody(long block)
      throws Exception {
    assertEquals(
        200,
        Http.api(
                admin,
                "PUT",
                "/event-notification/event-types/SOURCE_UNBLOCKED",
                Json.createObjectBuilder()
                    .add("level", "WARNING")
                    .add("notification", false)
                    .build())
            .statusCode());
    long warnings =
        Database.count(
            "select count(*) from event_log where type = 'SOURCE_UNBLOCKED' and severity = 'WARNING'");
    assertEquals(204, Http.api(admin, "DELETE", "/defense/blocked/" + block, null).statusCode());
    assertEquals(
        warnings + 1,
        Database.awaitCount(
            warnings + 1,
            "select count(*) from event_log where type = 'SOURCE_UNBLOCKED' and severity = 'WARNING'"));
  }

  private void eventsAreMarkedReadAndExported() throws Exception {
    JsonObject unread =
        Http.object(Http.api(admin, "GET", "/events?type=SOURCE_BLOCKED&read=false&limit=1", null));
    assertTrue(unread.getJsonNumber("total").longValue() >= 2, unread.toString());
    long id = unread.getJsonArray("events").getJsonObject(0).getJsonNumber("id").longValue();
    Problems.assertProblem(
        400, Http.api(admin, "POST", "/events/read", Json.createObjectBuilder().build()), "ids");
    JsonObject marked =
        Http.object(
            Http.api(
                admin,
                "POST",
                "/events/read",
                Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(id)).build()));
    assertEquals(1, marked.getInt("marked"));
    JsonObject read =
        Http.object(
            Http.api(admin, "GET", "/events?type=SOURCE_BLOCKED&read=true&limit=1000", null));
    assertTrue(read.toString().contains("\"id\":" + id + ","), read.toString());
    Problems.assertProblem(400, Http.api(admin, "GET", "/events?read=maybe", null), "read");

    HttpResponse<String> csv =
        Http.send(
            Http.authorized(
                    TestEnvironment.publicUrl() + "/api/v1/events?type=SOURCE_BLOCKED", admin)
                .setHeader("Accept", "text/csv"));
    assertEquals(200, csv.statusCode());
    assertTrue(
        csv.body().startsWith("time,level,event,source_ip,identity,action,detail,read\r\n"),
        csv.body());
    assertTrue(csv.body().contains("SOURCE_BLOCKED"), csv.body());
  }

  private void tamperingWithTheSecurityLogIsLocatedAndNotified(String blocked) throws Exception {
    JsonObject intact = verify();
    assertTrue(intact.getBoolean("intact"), intact.toString());
    assertTrue(intact.getJsonNumber("linked").longValue() > 0, intact.toString());

    Path log = TestEnvironment.home().resolve("wildfly/log/security.log");
    List<String> lines = Files.readAllLines(log);
    int index = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("event=SOURCE_BLOCKED") && lines.get(i).contains(blocked)) {
        index = i;
      }
    }
    assertTrue(index >= 0, "the block is in the security log");
    long offset = 0;
    for (int i = 0; i < index; i++) {
      offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
    }
    offset += lines.get(index).indexOf(blocked) + blocked.length() - 1;
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
      file.seek(offset);
      assertEquals('7', file.read());
      file.seek(offset);
      file.write('9');
    }
    try {
      JsonObject broken = verify();
      System.out.printf("Security log after one changed byte: %s%n", broken.getString("summary"));
      assertFalse(broken.getBoolean("intact"));
      assertEquals("security.log", broken.getString("brokenFile"));
      assertEquals(index + 1, broken.getJsonNumber("brokenLine").longValue());
      assertEquals("the line was changed after it was written", broken.getString("reason"));
      assertEquals("[Bulwark PBX] Alert: Security log tampered", received(4).get(3).getSubject());

      Process verifier =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  ejbJar().toString(),
                  "io.bulwark.pbx.event.SecurityLogVerifier",
                  log.getParent().toString())
              .redirectErrorStream(true)
              .start();
      String printed = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, verifier.waitFor(), printed);
      assertTrue(printed.startsWith("Broken at security.log line " + (index + 1) + ":"), printed);
    } finally {
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
        file.seek(offset);
        file.write('7');
      }
    }
    assertTrue(verify().getBoolean("intact"));
  }

  private JsonObject verify() {
    HttpResponse<String> answer =
        Http.api(admin, "POST", "/events/security-log/verification", null);
    assertEquals(200, answer.statusCode(), answer.body());
    return Http.object(answer);
  }

  /** The EJB jar of the EAR under test: the verifier on the command line is in it. */
  private static Path ejbJar() throws Exception {
    Path jar = Files.createTempFile("pbx-ejb", ".jar");
    jar.toFile().deleteOnExit();
    try (ZipFile ear = new ZipFile(TestEnvironment.ear().toFile());
        InputStream in = ear.getInputStream(ear.getEntry("pbx-ejb.jar"))) {
      Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
    }
    return jar;
  }

  private long block(String source) {
    HttpResponse<String> created =
        Http.api(
            admin,
            "POST",
            "/defense/blocked",
            Json.createObjectBuilder()
                .add("source", source)
                .add("reason", "notification test")
                .add("minutes", 5)
                .build());
    assertEquals(201, created.statusCode(), created.body());
    return Http.object(created).getJsonNumber("id").longValue();
  }

  /** The next webhook call, its signature checked with {@code secret}, as JSON. */
  private JsonObject signed(String secret) throws Exception {
    Call call = calls.poll(20, TimeUnit.SECONDS);
    assertTrue(call != null, "the webhook was called");
    assertEquals(signature(secret, call), call.signature());
    long age = Instant.now().getEpochSecond() - Long.parseLong(call.timestamp());
    assertTrue(age >= -5 && age < 60, "timestamp is now: " + call.timestamp());
    return Json.createReader(new java.io.StringReader(call.body())).readObject();
  }

  private static String signature(String secret, Call call) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256="
        + HexFormat.of()
            .formatHex(
                mac.doFinal(
                    (call.timestamp() + "." + call.body()).getBytes(StandardCharsets.UTF_8)));
  }

  private List<MimeMessage> received(int count) {
    assertTrue(smtp.waitForIncomingEmail(20_000, count), "message " + count + " arrived");
    MimeMessage[] all = smtp.getReceivedMessages();
    assertEquals(count, all.length, "no other message arrived");
    return List.of(all);
  }

  private static JsonObject mail(String host, int port) {
    return Json.createObjectBuilder()
        .add("host", host)
        .add("port", port)
        .add("security", "NONE")
        .add("fromAddress", "pbx@example.com")
        .add("fromName", "Bulwark PBX")
        .build();
  }
}
