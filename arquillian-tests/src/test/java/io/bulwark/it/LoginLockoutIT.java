package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bulwark.it.WebLogin.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login lockout of the guide, fed by Keycloak's own login events: a password-guessing script at
 * the portal's login page from one address (curl, as such scripts are) is blocked after the
 * configured count for a while, then for good, shown in Blocked IPs with its events; a correct
 * password from that address is refused until an administrator unblocks it. The guessing addresses
 * are outside the suite's trusted networks (127.0.0.0/24), which an Accept rule exempts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginLockoutIT {

  private static final String GUESSER = "127.0.9.21";
  private static final String CLIENT_GUESSER = "127.0.9.22";
  private static final String BROWSER_GUESSER = "127.0.9.23";
  private static final String USER = "lockout-victim";
  private static final String PASSWORD = "Victim-Of-Lockout-2026!";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String token = KeycloakAdmin.tokenWithRole("administrator");
  private JsonObject before;

  @BeforeEach
  void lockAfterThreeThenSix() {
    KeycloakAdmin.ensureUser(USER, PASSWORD, "employee");
    before = Http.object(send("GET", "/defense/login-lockout", null));
    HttpResponse<String> changed =
        send(
            "PUT",
            "/defense/login-lockout",
            Json.createObjectBuilder()
                .add("attempts", 3)
                .add("seconds", 60)
                .add("blockMinutes", 10)
                .add("maxAttempts", 6)
                .add("maxHours", 1)
                .add("version", before.getInt("version"))
                .build());
    assertEquals(200, changed.statusCode(), changed.body());
  }

  @AfterEach
  void restore() {
    for (String source : List.of(GUESSER, CLIENT_GUESSER, BROWSER_GUESSER)) {
      blockOf(source).ifPresent(block -> unblock(block.getJsonNumber("id").longValue()));
    }
    int version = Http.object(send("GET", "/defense/login-lockout", null)).getInt("version");
    HttpResponse<String> restored =
        send(
            "PUT",
            "/defense/login-lockout",
            Json.createObjectBuilder(before).add("version", version).build());
    assertEquals(200, restored.statusCode(), restored.body());
  }

  @Test
  void aPasswordGuessingRunIsBlockedForAWhileThenForGoodUntilUnblocked() throws Exception {
    // A forged X-Forwarded-For must not move the blame: the proxy in front of Keycloak sets its
    // own.
    String forged = "X-Forwarded-For: 198.51.100.77";
    List<Outcome> firstRun = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      firstRun.add(WebLogin.attempt(GUESSER, "guess-" + i, "Wrong-" + i, forged));
    }
    assertEquals(
        List.of(Outcome.WRONG, Outcome.WRONG, Outcome.WRONG, Outcome.REFUSED),
        firstRun,
        "the third failure blocks the address; the fourth attempt gets no login page");
    JsonObject temporary = awaitBlock(GUESSER, false);
    assertEquals("WEB_LOGIN", temporary.getString("defenseType"));
    assertEquals("WebUser:guess-3", temporary.getString("target"));
    assertFalse(isPermanent(temporary), "the first block is temporary");
    assertTrue(blockOf("198.51.100.77").isEmpty(), "the forged address is not blamed");
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'WEB_LOGIN_LOCKED_OUT' and source_ip = ?",
            GUESSER));

    // Unblocked early (say by a colleague), the same script goes on: the permanent count did not
    // start again, so three more failures reach the maximum of six.
    unblock(temporary.getJsonNumber("id").longValue());
    Map<Outcome, Integer> secondRun = new TreeMap<>();
    for (int i = 5; i <= 100; i++) {
      secondRun.merge(
          WebLogin.attempt(GUESSER, "guess-" + i, "Wrong-" + i, forged), 1, Integer::sum);
    }
    assertEquals(
        Map.of(Outcome.WRONG, 3, Outcome.REFUSED, 93),
        secondRun,
        "six failures in all reach Keycloak; every later attempt is refused");
    JsonObject permanent = awaitBlock(GUESSER, true);
    assertEquals("WEB_LOGIN", permanent.getString("defenseType"));
    assertTrue(isPermanent(permanent), "the second block is permanent: " + permanent);
    assertEquals("WebUser:guess-7", permanent.getString("target"));
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'WEB_USER_BLOCKED_OUT' and source_ip = ?",
            GUESSER));
    assertTrue(
        Database.count(
                "select count(*) from event_log where type = 'WEB_LOGIN_FAILED' and source_ip = ?",
                GUESSER)
            >= 1,
        "failed logins are in the event log");

    assertEquals(
        Outcome.REFUSED,
        WebLogin.attempt(GUESSER, USER, PASSWORD),
        "the right password from the blocked address is refused");
    assertEquals(
        Outcome.SIGNED_IN,
        WebLogin.attempt("127.0.0.1", USER, PASSWORD),
        "the account itself is not locked");

    unblock(permanent.getJsonNumber("id").longValue());
    assertEquals(
        Outcome.SIGNED_IN,
        WebLogin.attempt(GUESSER, USER, PASSWORD),
        "unblocked, the address signs in with the right password");
    long firstWrong = firstRun.stream().filter(o -> o == Outcome.WRONG).count();
    System.out.printf(
        "Password guessing from %s: 100 attempts; blocked for a while after %d failures, for good"
            + " after %d; %d attempts refused at the door; the right password refused until"
            + " unblocked, then signed in%n",
        GUESSER,
        firstWrong,
        firstWrong + secondRun.get(Outcome.WRONG),
        (4 - firstWrong) + secondRun.get(Outcome.REFUSED));
  }

  /**
   * The same in Chromium, whose requests come from another loopback address through a proxy: the
   * login page says the password is wrong until the third failure, then the portal does not answer
   * that browser at all; unblocked, it signs in with the right password.
   */
  @Test
  void aBrowserGuessingPasswordsIsShutOutUntilUnblocked() throws Exception {
    try (SourceProxy proxy = new SourceProxy(BROWSER_GUESSER)) {
      WebDriver browser = Chromium.open(proxy.address());
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (int i = 1; i <= 3; i++) {
          browser.get(TestEnvironment.publicUrl() + "/");
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
          browser.findElement(By.id("username")).sendKeys("browser-guess");
          browser.findElement(By.id("password")).sendKeys("Wrong-Browser-" + i);
          browser.findElement(By.id("kc-login")).click();
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), "Invalid username or password."));
        }
        JsonObject block = awaitBlock(BROWSER_GUESSER, false);
        assertEquals("WebUser:browser-guess", block.getString("target"));
        browser.get(TestEnvironment.publicUrl() + "/");
        assertTrue(
            browser.findElements(By.id("username")).isEmpty(),
            "a blocked browser gets no login page");

        unblock(block.getJsonNumber("id").longValue());
        browser.get(TestEnvironment.publicUrl() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(USER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.titleContains("Dashboard"));
      } finally {
        browser.quit();
      }
    }
  }

  @Test
  void anApiClientGuessingItsSecretIsLockedOutToo() throws Exception {
    List<Integer> answers = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      answers.add(tokenRequest(CLIENT_GUESSER, "it-administrator", "wrong-secret-" + i));
    }
    assertEquals(List.of(401, 401, 401, 0), answers, "the fourth request meets a closed door");
    JsonObject block = awaitBlock(CLIENT_GUESSER, false);
    assertEquals("ApiClient:it-administrator", block.getString("target"));
    assertEquals(
        1,
        Database.awaitCount(
            1,
            "select count(*) from event_log where type = 'WEB_LOGIN_LOCKED_OUT' and source_ip = ?",
            CLIENT_GUESSER));
  }

  @Test
  void aLockoutThatCouldNeverBeTemporaryIsRefusedAndChangesNothing() {
    JsonObject current = Http.object(send("GET", "/defense/login-lockout", null));
    Problems.assertProblem(
        400,
        send(
            "PUT",
            "/defense/login-lockout",
            Json.createObjectBuilder(current).add("maxAttempts", 3).build()),
        "maxAttempts");
    assertEquals(current, Http.object(send("GET", "/defense/login-lockout", null)));
  }

  /** A client-credentials token request from {@code source}; 0 when the connection was closed. */
  private static int tokenRequest(String source, String clientId, String secret) {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return Commands.run(
            java.time.Duration.ofSeconds(15),
            List.of(
                "curl",
                "-sk",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--max-time",
                "10",
                "--interface",
                source,
                "-d",
                form,
                "https://127.0.0.1:"
                    + TestEnvironment.port("BULWARK_HTTPS_PORT", 18443)
                    + "/realms/bulwark/protocol/openid-connect/token"))
        .output()
        .strip()
        .transform(Integer::parseInt);
  }

  /**
   * The active block of {@code source} once Blocked IPs lists it (automatic blocks are in force at
   * once and written down within a second), permanent or not as {@code permanent} says.
   */
  private JsonObject awaitBlock(String source, boolean permanent) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    java.util.Optional<JsonObject> block = blockOf(source);
    while ((block.isEmpty() || isPermanent(block.get()) != permanent)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
      block = blockOf(source);
    }
    return block.orElseThrow(() -> new AssertionError("Blocked IPs does not list " + source));
  }

  /** A block without an end; the API leaves {@code until} out then. */
  private static boolean isPermanent(JsonObject block) {
    return !block.containsKey("until") || block.isNull("until");
  }

  private java.util.Optional<JsonObject> blockOf(String source) {
    return Http.array(send("GET", "/defense/blocked", null)).stream()
        .map(JsonValue::asJsonObject)
        .filter(b -> b.getString("source").equals(source) && b.getBoolean("active"))
        .findFirst();
  }

  private void unblock(long id) {
    HttpResponse<String> response = send("DELETE", "/defense/blocked/" + id, null);
    assertEquals(204, response.statusCode(), response.body());
  }

  private HttpResponse<String> send(String method, String path, JsonObject body) {
    return Http.api(token, method, path, body);
  }
}
