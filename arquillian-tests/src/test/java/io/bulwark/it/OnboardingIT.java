package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Bringing a user in, in Chromium against a real SMTP server (GreenMail): System > Email, a
 * one-time login link that works once, a welcome email whose link signs the user in, email codes as
 * the user's second factor, and the realm's password policy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OnboardingIT {

  private static final String NUMBER = "5601";
  private static final String EMAIL = "linus5601@example.com";
  private static final String PASSWORD = "Quiet-Harbor-2026";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");
  private GreenMail smtp;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    browser = Chromium.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    smtp.stop();
  }

  @Test
  void aUserIsBroughtInByLinkAndSignsInWithAnEmailCode() throws Exception {
    HttpResponse<String> wrong = Http.api(admin, "PUT", "/mail", mail("smtp server!", 25));
    assertEquals(400, wrong.statusCode());
    assertTrue(wrong.body().contains("\"host\""), wrong.body());
    assertEquals("", Http.object(Http.api(admin, "GET", "/mail", null)).getString("host"));
    HttpResponse<String> saved =
        Http.api(admin, "PUT", "/mail", mail("127.0.0.1", smtp.getSmtp().getPort()));
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals(
        204,
        Http.api(
                admin,
                "POST",
                "/mail/test",
                Json.createObjectBuilder().add("to", "admin@example.com").build())
            .statusCode());
    assertEquals("Bulwark PBX: test message", received(1).get(0).getSubject());

    ExtensionsApi extensions = new ExtensionsApi(admin);
    long id =
        Http.object(
                extensions.create(
                    Json.createObjectBuilder(
                            ExtensionsApi.extension(
                                NUMBER, "Linus Torvalds", "linus5601", "Kern3l#Hacker", EMAIL))
                        .add(
                            "user",
                            Json.createObjectBuilder()
                                .add("firstName", "Linus")
                                .add("lastName", "Torvalds"))
                        .build()))
            .getJsonNumber("id")
            .longValue();
    long other = extensions.createValid("5602", "other5602", "Oth3r#Phone-Ext");
    try {
      theRealmRefusesWeakPasswords();
      aLoginLinkWorksOnce();
      aWelcomeEmailSignsTheUserIn();
      aPhoneAppFetchesItsAccountOnce();
      emailCodesBecomeTheSecondFactor();
    } finally {
      extensions.delete(id);
      extensions.delete(other);
      Http.api(admin, "PUT", "/mail", mail("", 587));
    }
  }

  /** The guide's policy on an appliance: 8 characters, upper, lower, digit; no name, no number. */
  private void theRealmRefusesWeakPasswords() {
    Map<String, Integer> table = new LinkedHashMap<>();
    table.put("Sh0rtPw", 400); // 7 characters
    table.put("alllower1case", 400);
    table.put("ALLUPPER1CASE", 400);
    table.put("NoDigitsHere", 400);
    table.put("Ext" + NUMBER + "Phone", 400); // holds the extension number
    table.put("Linus2026Pw", 400); // holds the first name
    table.put("MrTorvalds99", 400); // holds the last name
    table.put("Password123", 400); // on the list of common passwords
    table.put("Welcome123", 400); // on the list of common passwords
    table.put("Qwerty123", 400); // on the list of common passwords
    table.put("Kv7mWq2Lz", 204);
    table.put(PASSWORD, 204);
    List<String> unexpected = new ArrayList<>();
    table.forEach(
        (password, expected) -> {
          int status = KeycloakAdmin.tryPassword(NUMBER, password).statusCode();
          if (status != expected) {
            unexpected.add(password + " -> " + status + ", expected " + expected);
          }
        });
    System.out.printf(
        "Password policy: %d passwords, %d unexpected%n", table.size(), unexpected.size());
    assertEquals(List.of(), unexpected);
  }

  private void aLoginLinkWorksOnce() throws InterruptedException {
    assertEquals(
        false,
        Http.object(Http.api(admin, "GET", "/login-links/" + NUMBER, null)).getBoolean("pending"));
    HttpResponse<String> issued =
        Http.api(admin, "POST", "/login-links/" + NUMBER, JsonValue.EMPTY_JSON_OBJECT);
    assertEquals(200, issued.statusCode(), issued.body());
    String url = Http.object(issued).getString("url");
    assertTrue(url.startsWith(TestEnvironment.publicUrl() + "/my-extension.xhtml?login_hint="));
    assertEquals(
        true,
        Http.object(Http.api(admin, "GET", "/login-links/" + NUMBER, null)).getBoolean("pending"));

    browser.get(url);
    signedInAs(NUMBER);
    signOut();

    browser.get(url);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("body"), "This login link was already used"));
    assertTrue(browser.findElements(By.id("number")).isEmpty(), "the second use signs nobody in");

    String revoked =
        Http.object(Http.api(admin, "POST", "/login-links/" + NUMBER, JsonValue.EMPTY_JSON_OBJECT))
            .getString("url");
    assertEquals(204, Http.api(admin, "DELETE", "/login-links/" + NUMBER, null).statusCode());
    assertEquals(
        false,
        Http.object(Http.api(admin, "GET", "/login-links/" + NUMBER, null)).getBoolean("pending"));
    browser.get(revoked);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("body"), "This login link was already used, has expired or was revoked"));
    assertEquals(
        404,
        Http.api(admin, "POST", "/login-links/9999", JsonValue.EMPTY_JSON_OBJECT).statusCode());
    assertEquals(
        400,
        Http.api(
                admin,
                "POST",
                "/login-links/" + NUMBER,
                Json.createObjectBuilder().add("hours", 24 * 31).build())
            .statusCode(),
        "at most 30 days");
    Database.awaitCount(
        2,
        "select count(*) from event_log where type = 'LOGIN_LINK_ISSUED' and detail like ?",
        "%" + NUMBER + "%");
  }

  private void aWelcomeEmailSignsTheUserIn() throws Exception {
    HttpResponse<String> sent =
        Http.api(
            admin,
            "POST",
            "/login-links/welcome-emails",
            Json.createObjectBuilder()
                .add("extensions", Json.createArrayBuilder().add(NUMBER).add("5602"))
                .build());
    assertEquals(200, sent.statusCode(), sent.body());
    JsonArray outcomes = Http.array(sent);
    assertEquals(true, outcomes.getJsonObject(0).getBoolean("sent"));
    assertEquals(false, outcomes.getJsonObject(1).getBoolean("sent"));
    assertEquals("No email address", outcomes.getJsonObject(1).getString("detail"));

    MimeMessage welcome = received(2).get(1);
    assertEquals(EMAIL, welcome.getAllRecipients()[0].toString());
    Matcher link = Pattern.compile("https://\\S+login_hint=\\S+").matcher(text(welcome));
    assertTrue(link.find(), text(welcome));
    browser.get(link.group());
    signedInAs(NUMBER);
  }

  /** Linphone's "fetch remote configuration" from the QR code the user portal shows. */
  private void aPhoneAppFetchesItsAccountOnce() {
    browser.findElement(By.id("phoneApp:provision")).click();
    String url =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phoneApp:provisioningUrl")))
            .getText();
    assertTrue(browser.findElements(By.cssSelector("#phoneApp svg, #phoneApp img")).size() > 0);
    HttpResponse<String> config = Http.send(Http.request(url));
    assertEquals(200, config.statusCode());
    assertTrue(
        config.body().contains("<entry name=\"username\">" + NUMBER + "</entry>"), config.body());
    assertTrue(config.body().contains("<entry name=\"userid\">linus5601</entry>"), config.body());
    assertTrue(
        config.body().contains("<entry name=\"passwd\">Kern3l#Hacker</entry>"), config.body());
    assertEquals(404, Http.send(Http.request(url)).statusCode(), "it works once");
    assertEquals(404, Http.send(Http.request(url + "x")).statusCode());
  }

  private void emailCodesBecomeTheSecondFactor() throws Exception {
    browser.findElement(By.cssSelector("#secondFactor\\:emailCodes .ui-chkbox-box")).click();
    browser.findElement(By.id("secondFactor:saveEmailCodes")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("pageMessages"), "Sign-in codes by email are on"));
    signOut();

    browser.get(TestEnvironment.publicUrl() + "/my-extension.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    fill("username", NUMBER);
    fill("password", PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
    String code = codeIn(received(3).get(2));
    fill("code", code.equals("000000") ? "111111" : "000000");
    browser.findElement(By.id("kc-login")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("body"), "That code is not right."));
    fill("code", code);
    browser.findElement(By.id("kc-login")).click();
    signedInAs(NUMBER);
  }

  private void signedInAs(String number) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("number")));
    assertEquals(number, browser.findElement(By.id("number")).getText());
  }

  private void signOut() {
    browser.findElement(By.id("userForm:userMenu_button")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("userForm:signOut"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
  }

  private void fill(String id, String text) {
    var field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private List<MimeMessage> received(int count) {
    assertTrue(smtp.waitForIncomingEmail(20_000, count), "message " + count + " arrived");
    return List.of(smtp.getReceivedMessages());
  }

  private static String text(MimeMessage message) throws Exception {
    Object content = message.getContent();
    if (content instanceof MimeMultipart parts) {
      return parts.getBodyPart(0).getContent().toString();
    }
    return content.toString();
  }

  private static String codeIn(MimeMessage message) throws Exception {
    Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(text(message));
    assertTrue(digits.find(), text(message));
    return digits.group(1);
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
