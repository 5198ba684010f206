package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIPVicious from Debian, as attackers run it, against the running server, each run from a loopback
 * address of its own (the suite trusts only 127.0.0.0/24): {@code svwar} learns no extension with
 * REGISTER, INVITE or OPTIONS, and {@code svcrack} with a 10,000-word list holding the password
 * finds nothing. Its user agent gives it away at its first request; with scanner detection switched
 * off, the registration lockout stops it after five wrong passwords.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttackToolsIT {

  private static final String NUMBER = "3950";
  private static final String PASSWORD = "Crack3dIfFound";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void svwarLearnsNoExtensionWhicheverMethodItUses() throws InterruptedException {
    new ExtensionsApi(token).createValid(NUMBER, NUMBER, PASSWORD);
    String[][] runs = {
      {"REGISTER", "127.0.10.1"}, {"INVITE", "127.0.10.2"}, {"OPTIONS", "127.0.10.3"}
    };
    for (String[] run : runs) {
      String output =
          tool(run[1], "svwar", "-m", run[0], "-e", "3940-3960", "--maximumtime=5", target());
      assertTrue(output.contains("found nothing"), run[0] + ": " + output);
      assertFalse(output.contains(NUMBER), run[0] + ": " + output);
      assertEquals(
          1,
          Database.awaitCount(
              1,
              "select count(*) from blocked_source where source = ? and defense_type = 'SCANNER'",
              run[1]),
          run[0] + ": its first request blocked it");
    }
  }

  @Test
  void svcrackFindsNoPasswordAndIsLockedOutAfterFiveEvenUnderAnotherName() throws Exception {
    new ExtensionsApi(token).createValid("3951", "3951", PASSWORD);
    Path words = wordList();

    String spotted =
        tool(
            "127.0.10.4",
            "svcrack",
            "-u",
            "3951",
            "-d",
            words.toString(),
            "--maximumtime=5",
            target());
    assertTrue(spotted.contains("found nothing"), spotted);
    assertFalse(spotted.contains(PASSWORD), spotted);
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from blocked_source where source = '127.0.10.4'"
                + " and defense_type = 'SCANNER'"));

    JsonObject settings = Http.object(send("GET", null));
    try {
      assertEquals(
          200,
          send(
                  "PUT",
                  Json.createObjectBuilder(settings)
                      .add("scannerAgents", Json.createArrayBuilder())
                      .build())
              .statusCode(),
          "scanner detection off: an attacker who changed its user agent");
      String locked =
          tool(
              "127.0.10.5",
              "svcrack",
              "-u",
              "3951",
              "-d",
              words.toString(),
              "--maximumtime=5",
              target());
      assertTrue(locked.contains("found nothing"), locked);
      assertFalse(locked.contains(PASSWORD), locked);
      assertEquals(
          List.of(List.of("REGISTRATION_LOCKOUT", "SIP extension 3951")),
          Database.awaitRows(
              List.of(List.of("REGISTRATION_LOCKOUT", "SIP extension 3951")),
              "select defense_type, target from blocked_source where source = '127.0.10.5'"));
      assertTrue(
          Database.query("select reason from blocked_source where source = '127.0.10.5'")
              .toString()
              .startsWith("[[5 failed authentications"),
          "locked out at the fifth wrong password");
    } finally {
      JsonObject current = Http.object(send("GET", null));
      send(
          "PUT",
          Json.createObjectBuilder(settings).add("version", current.getInt("version")).build());
    }
  }

  /** 10,000 guesses, the password among them at 5,000: far beyond what a lockout lets through. */
  private static Path wordList() throws IOException {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      words.add(i == 5_000 ? PASSWORD : "Guess" + i);
    }
    Path file = Files.createTempFile("svcrack-words", ".txt");
    Files.write(file, words, StandardCharsets.US_ASCII);
    file.toFile().deleteOnExit();
    return file;
  }

  private static String target() {
    return "udp://127.0.0.1:" + TestEnvironment.sipPort();
  }

  /**
   * Runs a SIPVicious tool from {@code source} to its end (60 s at most) and returns what it
   * printed. sipvicious-from.py makes it send from that address.
   */
  private static String tool(String source, String tool, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("python3");
    command.add(resource("/sipvicious-from.py"));
    command.add(source);
    command.add(tool);
    command.addAll(List.of(arguments));
    Commands.Result result = Commands.run(Duration.ofSeconds(60), command);
    if (result.exit() == -1) {
      throw new IllegalStateException(tool + " did not finish within 60 s: " + result.output());
    }
    return result.output();
  }

  private static String resource(String name) {
    try {
      return Path.of(AttackToolsIT.class.getResource(name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(String method, JsonObject body) {
    return Http.send(
        Http.request(TestEnvironment.publicUrl() + "/api/v1/defense/settings")
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : Http.json(body)));
  }
}
