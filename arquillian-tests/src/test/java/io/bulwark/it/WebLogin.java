package io.bulwark.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signing in to the portal from one source address, as a password-guessing script does it
 * with curl: open the portal, follow it to Keycloak's login page (served through the portal's own
 * address), post the form.
 */
final class WebLogin {

  private static final Pattern ACTION =
      Pattern.compile("action=\"([^\"]*/login-actions/authenticate[^\"]*)\"");

  /** What the attempt met. */
  enum Outcome {
    /** Keycloak sent the browser back to the portal with a code. */
    SIGNED_IN,
    /** The login page again, with an error. */
    WRONG,
    /** No page at all: the connection was closed or refused. */
    REFUSED
  }

  private WebLogin() {}

  /** One attempt from {@code source}, each with a fresh browser (no cookies kept). */
  static Outcome attempt(String source, String username, String password, String... headers) {
    Path jar;
    try {
      jar = Files.createTempFile("weblogin", ".cookies");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Step page = curl(source, jar, List.of("-L", "--max-redirs", "5"), headers, portal("/"));
      if (page.status() == 0) {
        return Outcome.REFUSED;
      }
      Matcher action = ACTION.matcher(page.body());
      if (page.status() != 200 || !action.find()) {
        throw new AssertionError(
            "no login form from " + source + ": " + page.status() + " " + page.body());
      }
      Step posted =
          curl(
              source,
              jar,
              List.of(
                  "--data-urlencode",
                  "username=" + username,
                  "--data-urlencode",
                  "password=" + password,
                  "--data-urlencode",
                  "credentialId="),
              headers,
              action.group(1).replace("&amp;", "&"));
      if (posted.status() == 0) {
        return Outcome.REFUSED;
      }
      if (posted.status() == 302 && posted.location().contains("code=")) {
        return Outcome.SIGNED_IN;
      }
      if (posted.status() == 200 && posted.body().contains("kc-form-login")) {
        return Outcome.WRONG;
      }
      throw new AssertionError("unexpected answer to the login form: " + posted);
    } finally {
      try {
        Files.deleteIfExists(jar);
      } catch (IOException e) {
        // a temporary file; the system cleans it up
      }
    }
  }

  /**
   * A browser signed in as {@code username} from loopback: its cookie jar, for {@link #get}. A
   * second factor Keycloak asks for is answered: an authenticator enrolled at the first sign-in
   * (its secret kept for the next ones), a fresh code each time.
   */
  static Path signIn(String username, String password) throws InterruptedException {
    Path jar;
    try {
      jar = Files.createTempFile("websession", ".cookies");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] none = {};
    Step page = curl("127.0.0.1", jar, List.of("-L", "--max-redirs", "5"), none, portal("/"));
    Step answer =
        post(jar, page, List.of("username=" + username, "password=" + password, "credentialId="));
    for (int step = 0; step < 8; step++) {
      if (answer.status() == 302 && answer.location().contains("/realms/bulwark/")) {
        // Keycloak sends the browser on to its next page: a required action, a second factor.
        answer = curl("127.0.0.1", jar, List.of(), none, answer.location());
        continue;
      }
      if (answer.status() == 302) {
        answer =
            curl("127.0.0.1", jar, List.of("-L", "--max-redirs", "5"), none, answer.location());
        break;
      }
      Matcher secret = TOTP_SECRET.matcher(answer.body());
      if (answer.status() == 200 && secret.find()) {
        String key = secret.group(1);
        AUTHENTICATORS.put(username, key);
        answer =
            post(
                jar,
                answer,
                List.of("totp=" + code(username, key), "totpSecret=" + key, "userLabel=test"));
      } else if (answer.status() == 200 && answer.body().contains("name=\"otp\"")) {
        String key = AUTHENTICATORS.get(username);
        if (key == null) {
          throw new AssertionError(username + " has an authenticator this test did not enrol");
        }
        answer = post(jar, answer, List.of("otp=" + code(username, key), "credentialId="));
      } else {
        break;
      }
    }
    if (answer.status() != 200
        || answer.body().contains("kc-form-login")
        || answer.body().contains("/login-actions/")) {
      throw new AssertionError("sign-in as " + username + " failed: " + answer);
    }
    return jar;
  }

  /** Whether Keycloak had {@code username} enrol an authenticator at a sign-in of this test. */
  static boolean enrolled(String username) {
    return AUTHENTICATORS.containsKey(username);
  }

  private static final Pattern TOTP_SECRET =
      Pattern.compile("name=\"totpSecret\"[^>]*value=\"([A-Za-z0-9]+)\"");

  /** The authenticator secret of each user this test enrolled one for. */
  private static final Map<String, String> AUTHENTICATORS = new ConcurrentHashMap<>();

  /** The time step each user's last code was for: a code is taken once. */
  private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

  private static String code(String username, String key) throws InterruptedException {
    long step = Instant.now().getEpochSecond() / 30;
    if (LAST_STEP.getOrDefault(username, -1L) >= step) {
      long next = (step + 1) * 30;
      Thread.sleep((next - Instant.now().getEpochSecond()) * 1000 + 500);
      step = Instant.now().getEpochSecond() / 30;
    }
    LAST_STEP.put(username, step);
    return Totp.codeOfRawSecret(key, step * 30);
  }

  /** Posts the fields to the form of {@code page}, without following where it leads. */
  private static Step post(Path jar, Step page, List<String> fields) {
    Matcher action = FORM_ACTION.matcher(page.body());
    if (!action.find()) {
      throw new AssertionError("no form: " + page.status() + " " + page.body());
    }
    List<String> options = new ArrayList<>();
    for (String field : fields) {
      options.addAll(List.of("--data-urlencode", field));
    }
    return curl("127.0.0.1", jar, options, new String[0], action.group(1).replace("&amp;", "&"));
  }

  private static final Pattern FORM_ACTION =
      Pattern.compile("action=\"([^\"]*/login-actions/[^\"]*)\"");

  /** A page as the browser whose cookies are in {@code jar} gets it: status and body. */
  static Probes.Answer get(Path jar, String path) {
    Step step = curl("127.0.0.1", jar, List.of(), new String[0], portal(path));
    return new Probes.Answer(step.status(), step.body());
  }

  private static String portal(String path) {
    return TestEnvironment.publicUrl() + path;
  }

  private record Step(int status, String location, String body) {}

  private static Step curl(
      String source, Path jar, List<String> options, String[] headers, String url) {
    int port = TestEnvironment.port("BULWARK_HTTPS_PORT", 18443);
    List<String> command =
        new ArrayList<>(
            List.of(
                "curl",
                "-sk",
                "--max-time",
                "10",
                "--interface",
                source,
                "--resolve",
                "localhost:" + port + ":127.0.0.1",
                "-c",
                jar.toString(),
                "-b",
                jar.toString(),
                "-w",
                "\n%{http_code} %{redirect_url}"));
    command.addAll(options);
    for (String header : headers) {
      command.addAll(List.of("-H", header));
    }
    command.add(url);
    String out = Commands.run(Duration.ofSeconds(15), command).output();
    int newline = out.lastIndexOf('\n');
    String[] last = out.substring(newline + 1).strip().split(" ", 2);
    return new Step(
        Integer.parseInt(last[0]),
        last.length > 1 ? last[1] : "",
        newline < 0 ? "" : out.substring(0, newline));
  }
}
