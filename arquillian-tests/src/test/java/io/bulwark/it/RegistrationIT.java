package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Phones registering with sipp over UDP and TCP: digest, bindings, refusals, events. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationIT {

  private static final String BINDINGS =
      "select count(*) from registration_binding b join extension e on e.id = b.extension_id"
          + " where e.number = ?";

  private static final String FAILURES =
      "select count(*) from event_log where type = 'REGISTRATION_FAILED'";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final ExtensionsApi api = new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));

  @Test
  void aPhoneRegistersWithDigestAndUnregisters() throws InterruptedException {
    api.createValid("3001", "reg3001", "Phon3Secret");

    assertEquals(200, Sipp.register("3001", "reg3001", "Phon3Secret", 300, "udp").finalStatus());
    var page = Http.object(api.registrations("extension=3001"));
    assertEquals(1, page.getInt("total"), page.toString());
    var binding = page.getJsonArray("bindings").getJsonObject(0);
    assertEquals("UDP", binding.getString("transport"));
    assertEquals("127.0.0.1", binding.getString("sourceAddress"));
    assertEquals(400, api.registrations("limit=5000").statusCode(), "a limit over 1000 is refused");
    assertEquals(
        List.of(List.of("UDP", "sipp-bulwark-test", "127.0.0.1")),
        Database.awaitRows(
            List.of(List.of("UDP", "sipp-bulwark-test", "127.0.0.1")),
            "select b.transport, b.user_agent, b.source_address from registration_binding b"
                + " join extension e on e.id = b.extension_id where e.number = '3001'"),
        "the binding reaches the database by write-behind");

    assertEquals(200, Sipp.register("3001", "reg3001", "Phon3Secret", 0, "udp").finalStatus());
    assertEquals(0, Http.object(api.registrations("extension=3001")).getInt("total"));
    assertEquals(0, Database.awaitExactCount(0, BINDINGS, "3001"));
  }

  @Test
  void aPhoneRegistersOverTcp() throws InterruptedException {
    api.createValid("3002", "reg3002", "Phon3Secret");

    Sipp.Run run = Sipp.register("3002", "reg3002", "Phon3Secret", 120, "tcp");

    assertEquals(200, run.finalStatus(), run.messages());
    assertTrue(run.messages().contains("expires=120"), run.messages());
    assertEquals(
        List.of(List.of("TCP")),
        Database.awaitRows(
            List.of(List.of("TCP")),
            "select b.transport from registration_binding b join extension e"
                + " on e.id = b.extension_id where e.number = '3002'"));
  }

  @Test
  void anUnknownUserAndAWrongPasswordGetTheSameAnswer() throws InterruptedException {
    api.createValid("3003", "reg3003", "Phon3Secret");
    long failuresBefore = failures();

    // Distinct sources: refusals are counted per source and reason, and other tests refuse too.
    Sipp.Run wrongPassword =
        Sipp.register("3003", "reg3003", "Wr0ngSecret", 300, "udp", "127.0.0.41");
    Sipp.Run unknownUser =
        Sipp.register("3999", "nobody3999", "Wr0ngSecret", 300, "udp", "127.0.0.42");

    assertEquals(403, wrongPassword.finalStatus());
    assertEquals(403, unknownUser.finalStatus());
    assertEquals(finalAnswer(wrongPassword), finalAnswer(unknownUser));
    assertEquals(0, Database.count(BINDINGS, "3003"));
    assertEquals(failuresBefore + 2, Database.awaitCount(failuresBefore + 2, FAILURES));
    assertEquals(
        1,
        Database.count(
            FAILURES
                + " and identity = 'nobody3999' and source_ip = '127.0.0.42'"
                + " and detail like 'unknown user%'"));
  }

  @Test
  void aBurstOfRefusalsFromOneSourceIsOneEventNotOnePerRequest() throws InterruptedException {
    api.createValid("3008", "reg3008", "Phon3Secret");
    String bySource = FAILURES + " and source_ip = '127.0.0.43'";

    for (int i = 0; i < 8; i++) {
      assertEquals(
          403,
          Sipp.register("3008", "reg3008", "Wr0ng" + i + "Pass", 300, "udp", "127.0.0.43")
              .finalStatus());
    }

    assertEquals(1, Database.awaitCount(1, bySource));
    Thread.sleep(2_000); // two more recording rounds: the other seven must stay counted, not rows
    assertEquals(1, Database.count(bySource));
  }

  private static long failures() {
    return Database.count(FAILURES);
  }

  @Test
  void aTooShortExpiryIsRefusedWithMinExpires() {
    api.createValid("3004", "reg3004", "Phon3Secret");

    Sipp.Run run = Sipp.register("3004", "reg3004", "Phon3Secret", 20, "udp");

    assertEquals(423, run.finalStatus());
    assertTrue(run.messages().contains("Min-Expires: 60"), run.messages());
    assertEquals(0, Database.count(BINDINGS, "3004"));
  }

  @Test
  void anotherExtensionsCredentialsCannotRegisterThisNumber() {
    api.createValid("3005", "reg3005", "Phon3Secret");
    api.createValid("3006", "reg3006", "Phon3Secret");

    assertEquals(403, Sipp.register("3006", "reg3005", "Phon3Secret", 300, "udp").finalStatus());
    assertEquals(0, Database.count(BINDINGS, "3006"));
  }

  @Test
  void passwordChangesAndDeletionTakeEffectAtOnce() {
    long id = api.createValid("3007", "reg3007", "F1rstSecret");
    assertEquals(200, Sipp.register("3007", "reg3007", "F1rstSecret", 300, "udp").finalStatus());

    assertEquals(
        200,
        api.update(id, ExtensionsApi.extension("3007", "Renamed", "new3007", "S3condSecret", null))
            .statusCode());
    assertEquals(403, Sipp.register("3007", "reg3007", "F1rstSecret", 300, "udp").finalStatus());
    assertEquals(403, Sipp.register("3007", "new3007", "F1rstSecret", 300, "udp").finalStatus());
    assertEquals(200, Sipp.register("3007", "new3007", "S3condSecret", 300, "udp").finalStatus());

    assertEquals(204, api.delete(id).statusCode());
    assertEquals(403, Sipp.register("3007", "new3007", "S3condSecret", 300, "udp").finalStatus());
  }

  @Test
  void credentialsOfAnUnknownSchemeAreChallengedNotRefused() {
    // RFC 4475 section 3.3.14 (regaut01): a registrar that authenticates answers 401.
    String answer =
        RawSip.exchange(
            "127.0.0.44",
            """
            REGISTER sip:127.0.0.1 SIP/2.0
            To: <sip:3009@127.0.0.1>
            From: <sip:3009@127.0.0.1>;tag=9bf84
            Call-ID: regaut01-bulwark
            CSeq: 1 REGISTER
            Via: SIP/2.0/UDP 127.0.0.44:$PORT;branch=z9hG4bK-regaut01
            Max-Forwards: 70
            Contact: <sip:3009@127.0.0.44:$PORT>
            Authorization: NoOneKnowsThisScheme opaque-data=here
            Content-Length: 0

            """);

    assertTrue(answer != null && answer.startsWith("SIP/2.0 401 "), String.valueOf(answer));
    assertTrue(answer.contains("WWW-Authenticate: Digest"), answer);
  }

  @Test
  void aMalformedRequestGetsAFixedWellFormedAnswer() {
    String answer =
        RawSip.exchange(
            "127.0.0.45",
            """
            OPTIONS sip:127.0.0.1 SIP/2.0
            To: <sip:127.0.0.1>
            From: <sip:probe@127.0.0.45>;tag=1
            Call-ID: malformed-bulwark
            CSeq: 1 OPTIONS
            Via: SIP/2.0/UDP 127.0.0.45:$PORT;branch=z9hG4bK-malformed
            Max-Forwards: 70
            Content-Length: -999

            """);

    assertTrue(answer != null, "a malformed OPTIONS with a usable Via is answered");
    String statusLine = answer.substring(0, answer.indexOf("\r\n"));
    assertEquals("SIP/2.0 400 Bad Request", statusLine);
    assertFalse(answer.contains("[C@") || answer.contains("Exception"), answer);
  }

  @Test
  void optionsIsAnswered() {
    assertEquals(200, Sipp.run("options.xml", "SEQUENTIAL\nx\n", "udp").finalStatus());
  }

  /** The refusal as a scanner sees it, without the headers that differ per call anyway. */
  private static List<String> finalAnswer(Sipp.Run run) {
    String trace = run.messages();
    int start = trace.indexOf("SIP/2.0 403");
    assertFalse(start < 0, trace);
    String block = trace.substring(start, trace.indexOf("\n\n", start));
    return block
        .lines()
        .filter(l -> !l.matches("(?i)(Via|From|To|Call-ID|CSeq):.*"))
        .collect(Collectors.toList());
  }
}
