package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The super admin's first login in headless Chromium: Keycloak asks for a new password and an
 * authenticator app, the test computes the TOTP codes, then creates an extension in the portal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIT {

  private static final String NEW_PASSWORD = "Bulwark-Portal-2026!";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.setAcceptInsecureCerts(true);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1024",
        "--user-data-dir="
            + java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "chromium-")
                .toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void firstLoginEnrolsTotpThenTheAdminCreatesAnExtension() throws Exception {
    browser.get(TestEnvironment.publicUrl() + "/");
    signIn("admin", TestEnvironment.secret("initial-admin.pw"));
    String totpSecret = completeRequiredActions();

    wait.until(ExpectedConditions.titleContains("Dashboard"));
    assertTrue(browser.getPageSource().contains("Registered now"));
    assertEquals("admin", browser.findElement(By.id("user")).getText());

    browser.get(TestEnvironment.publicUrl() + "/extensions.xhtml");
    wait.until(ExpectedConditions.titleContains("Extensions"));
    fill("extensionForm:number", "5001");
    fill("extensionForm:displayName", "Portal Phone");
    fill("extensionForm:registrationName", "portal5001");
    fill("extensionForm:secret", "weak");
    browser.findElement(By.id("extensionForm:save")).click();
    WebElement secretMessage =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='extensionForm:secret'] ~ *, .ui-message-error")));
    assertTrue(
        secretMessage.getText().contains("Registration password must be 8 to 63 characters"),
        secretMessage.getText());
    assertEquals(0, Database.count("select count(*) from extension where number = '5001'"));

    fill("extensionForm:secret", "P0rtalSecret");
    browser.findElement(By.id("extensionForm:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("extensions:table"), "portal5001"));
    assertTrue(browser.findElement(By.id("extensions:table")).getText().contains("Portal Phone"));
    assertEquals(1, Database.count("select count(*) from extension where number = '5001'"));

    browser.get(TestEnvironment.publicUrl() + "/logout");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-logout"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.get(TestEnvironment.publicUrl() + "/");
    signIn("admin", NEW_PASSWORD);
    WebElement otp = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp")));
    otp.sendKeys(Totp.code(totpSecret, nextTimeStep()));
    browser.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.titleContains("Dashboard"));
    assertTrue(browser.getPageSource().contains("EXTENSION_CREATED"), "event log on dashboard");
  }

  private void signIn(String user, String password) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertTrue(
        browser.getCurrentUrl().startsWith(TestEnvironment.publicUrl() + "/realms/bulwark/"),
        "login is served through the portal's own address: " + browser.getCurrentUrl());
    fill("username", user);
    fill("password", password);
    browser.findElement(By.id("kc-login")).click();
  }

  /** Answers the password change and the TOTP enrolment in whatever order Keycloak asks. */
  private String completeRequiredActions() throws InterruptedException {
    String secret = null;
    boolean passwordChanged = false;
    while (secret == null || !passwordChanged) {
      wait.until(
          d ->
              !d.findElements(By.id("password-new")).isEmpty()
                  || !d.findElements(By.id("totp")).isEmpty());
      if (!browser.findElements(By.id("password-new")).isEmpty()) {
        fill("password-new", NEW_PASSWORD);
        fill("password-confirm", NEW_PASSWORD);
        submit();
        passwordChanged = true;
      } else {
        List<WebElement> manual = browser.findElements(By.id("mode-manual"));
        if (!manual.isEmpty()) {
          manual.get(0).click();
        }
        secret =
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-totp-secret-key")))
                .getText()
                .replace(" ", "");
        fill("totp", Totp.code(secret, Instant.now().getEpochSecond()));
        browser.findElement(By.id("saveTOTPBtn")).click();
      }
      Thread.sleep(500);
    }
    return secret;
  }

  /** A code may be used once; the second login waits for the next 30-second step. */
  private static long nextTimeStep() throws InterruptedException {
    long now = Instant.now().getEpochSecond();
    long next = (now / 30 + 1) * 30;
    Thread.sleep((next - now) * 1000 + 500);
    return Instant.now().getEpochSecond();
  }

  private void submit() {
    browser.findElement(By.cssSelector("input[type=submit], button[type=submit]")).click();
  }

  private void fill(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
