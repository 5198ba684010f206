package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
    browser = Chromium.open();
    // An AJAX update replaces elements while a condition reads them: read again.
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
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
    assertEquals("admin", browser.findElement(By.id("userForm:user")).getAttribute("textContent"));
    assertAccessible("dashboard (administrator)");
    theChartsFollowRegistrationsWhileTheDashboardIsOpen();
    keepScreenshot("dashboard");

    browser.get(TestEnvironment.publicUrl() + "/extensions.xhtml");
    wait.until(ExpectedConditions.titleContains("Extensions"));
    assertEquals(
        16,
        browser.findElement(By.id("extensionForm:secret")).getAttribute("value").length(),
        "a new extension starts with a generated password");
    assertTrue(
        browser
            .findElement(By.id("extensionForm"))
            .getText()
            .contains("Allow Remote Registration"));
    fill("extensionForm:number", " 5001 ");
    fill("extensionForm:displayName", "Portal Phone");
    fill("extensionForm:registrationName", "portal5001");
    fill("extensionForm:secret", "weak");
    browser.findElement(By.id("extensionForm:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("extensionForm:secretMessage"),
            "Registration password must be 8 to 63 characters"));
    assertEquals(
        "true",
        browser.findElement(By.id("extensionForm:secret")).getAttribute("aria-invalid"),
        "an invalid field says so to assistive technology");
    assertAccessible("extensions, with an invalid field");
    assertEquals(0, Database.count("select count(*) from extension where number = '5001'"));

    clickInView(By.id("extensionForm:generate"));
    wait.until(
        d -> d.findElement(By.id("extensionForm:secret")).getAttribute("value").length() == 16);
    clickInView(By.id("extensionForm:save"));
    assertEquals(
        "Extension 5001 created",
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#pageMessages .ui-messages-info-summary")))
            .getText());
    showOnly("5001");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("extensions:table"), "portal5001"));
    assertTrue(browser.findElement(By.id("extensions:table")).getText().contains("Portal Phone"));
    assertEquals(1, Database.count("select count(*) from extension where number = '5001'"));
    keepScreenshot("extensions");

    aSaveOverAChangeMadeElsewhereIsRefusedByNumber();
    theApiRefusesThePortalCookie();
    aMissingPageIsStyledAndSaysNothingInternal();
    aFailureInsideIsStyledAndSaysNothingInternal();
    aSaveAfterTheSessionEndedSaysSo();

    browser.get(TestEnvironment.publicUrl() + "/");
    wait.until(ExpectedConditions.titleContains("Dashboard"));
    assertTrue(browser.getPageSource().contains("Extension created"), "event log on dashboard");
    browser.get(TestEnvironment.publicUrl() + "/events.xhtml");
    wait.until(ExpectedConditions.titleContains("Event log"));
    assertTrue(browser.findElement(By.id("events:table")).getText().contains("Extension created"));
    assertAccessible("event log");
    browser.findElement(By.id("events:verify")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("events:verification"), "Security log: Intact"));
    theCallPagesShowAndCheckTheirFilters();
    theTrunkAndRoutePagesRenderAndMarkAWrongField();
    theBlockedIpsPageBlocksButNeverTheAdministratorsOwnAddress();
    theDefenseRulePagesShowTheGuidesDefaultsAndSaveARule();
    theAccountPageWorks();
    thePortalMovesToAnotherPortAndTheSessionGoesAlong(totpSecret);

    signOut();
    browser.get(TestEnvironment.publicUrl() + "/");
    signIn("admin", NEW_PASSWORD);
    enterCode(totpSecret);
    wait.until(ExpectedConditions.titleContains("Dashboard"));
    signOut();

    anEmployeeSeesNoSecurityDetails();
  }

  /**
   * REGISTERs and a wrong password reach the numbers under the charts and the tables behind them at
   * the next poll, without a reload; chart labels are the browser's local times.
   */
  private void theChartsFollowRegistrationsWhileTheDashboardIsOpen() {
    new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"))
        .createValid("5101", "portal5101", "Phon3Secret");
    long registrations = total("registrationsLastHour");
    long failures = total("failedAuthenticationsLastHour");
    long warnings = columnSum("perHourNumbers", "Warning");

    for (int i = 0; i < 3; i++) {
      assertEquals(
          200, Sipp.register("5101", "portal5101", "Phon3Secret", 300, "udp").finalStatus());
    }
    assertEquals(
        403,
        Sipp.register("5101", "portal5101", "Wr0ngSecret", 300, "udp", "127.0.0.61").finalStatus());

    wait.until(
        d ->
            total("registrationsLastHour") == registrations + 3
                && total("failedAuthenticationsLastHour") == failures + 1
                // At least: another test's throttled events may be summed up in this hour too.
                && columnSum("perHourNumbers", "Warning") >= warnings + 1);
    assertEquals(registrations + 3, columnSum("perMinuteNumbers", "Registrations accepted"));
    assertEquals(failures + 1, columnSum("perMinuteNumbers", "Failed authentications"));
    assertEquals(60, browser.findElements(By.cssSelector("#perMinuteNumbers tbody tr")).size());
    assertEquals(24, browser.findElements(By.cssSelector("#perHourNumbers tbody tr")).size());
    List<WebElement> canvases = browser.findElements(By.cssSelector(".ui-chart canvas"));
    assertEquals(2, canvases.size());
    for (WebElement canvas : canvases) {
      assertEquals("img", canvas.getDomAttribute("role"));
      assertFalse(canvas.getDomAttribute("aria-label").isBlank());
    }
    // Read together, so that no poll comes between them.
    List<?> lastMinute =
        (List<?>)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    "return [PrimeFaces.widgets['widget_perMinute'].chart.data.labels[59],"
                        + " document.querySelector('#perMinuteNumbers tbody tr:last-child time')"
                        + ".textContent];");
    assertTrue(
        String.valueOf(lastMinute.get(0)).matches("\\d{1,2}:\\d{2}.*"),
        "a local time: " + lastMinute);
    assertEquals(lastMinute.get(0), lastMinute.get(1), "the table names the minute as the chart");
    assertAccessible("dashboard with charts");
    anUnattendedDashboardStopsPolling();
  }

  /**
   * Each poll keeps the session alive, so polling stops once the page has gone unused for a while;
   * here the browser's clock is moved on instead of waiting. Resume loads the page again.
   */
  private void anUnattendedDashboardStopsPolling() {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "var later = Date.now() + 11 * 60000; Date.now = function () { return later; };");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("activityPaused")));
    assertEquals(
        Boolean.FALSE,
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("return PF('activityPoll').active;"));
    assertAccessible("dashboard, live updates paused");
    browser.findElement(By.cssSelector("#activityPaused button")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("activityPaused")));
    assertEquals(
        Boolean.TRUE,
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("return PF('activityPoll').active;"));
  }

  /** A figure under a chart, which the poll replaces every few seconds. */
  private long total(String id) {
    return Long.parseLong(browser.findElement(By.id(id)).getText());
  }

  /**
   * The sum of the column {@code header} of a chart's table (for screen readers, so not shown: read
   * in the page, in one call).
   */
  private long columnSum(String table, String header) {
    Object sum =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "var table = document.getElementById(arguments[0]), header = arguments[1];"
                    + "var column = Array.from(table.tHead.rows[0].cells)"
                    + ".findIndex(function (c) { return c.textContent.trim() === header; });"
                    + "if (column < 1) { return -1; }"
                    + "return Array.from(table.tBodies[0].rows).reduce(function (s, r) {"
                    + " return s + Number(r.cells[column].textContent); }, 0);",
                table,
                header);
    long value = ((Number) sum).longValue();
    assertTrue(value >= 0, "no column " + header + " in " + table);
    return value;
  }

  /** The extension is changed, then deleted, through the API while the form is open. */
  private void aSaveOverAChangeMadeElsewhereIsRefusedByNumber() {
    long id = Database.count("select id from extension where number = '5001'");
    ExtensionsApi api = new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));
    openForEdit("5001");
    assertEquals(
        200,
        api.update(
                id, ExtensionsApi.extension("5001", "Changed Elsewhere", "portal5001", null, null))
            .statusCode());
    fill("extensionForm:displayName", "Changed Here");
    browser.findElement(By.id("extensionForm:save")).click();
    assertPageMessage("Extension 5001 was changed by someone else");
    assertEquals(
        1,
        Database.count(
            "select count(*) from extension where number = '5001'"
                + " and display_name = 'Changed Elsewhere'"));

    openForEdit("5001");
    assertEquals(204, api.delete(id).statusCode());
    browser.findElement(By.id("extensionForm:save")).click();
    assertPageMessage("Extension 5001 was deleted by someone else");
    assertEquals(0, Database.count("select count(*) from extension where number = '5001'"));
  }

  /** The trunk and route pages, each with axe; an empty trunk form names its required fields. */
  private void theTrunkAndRoutePagesRenderAndMarkAWrongField() {
    browser.get(TestEnvironment.publicUrl() + "/trunks.xhtml");
    wait.until(ExpectedConditions.titleContains("Trunks"));
    browser.findElement(By.id("trunkForm:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("trunkForm:nameMessage"), "Trunk name is required"));
    assertEquals("true", browser.findElement(By.id("trunkForm:name")).getAttribute("aria-invalid"));
    assertAccessible("trunks, with an invalid field");
    for (String page :
        List.of(
            "Inbound Routes",
            "Outbound Routes",
            "Business Hours",
            "PIN Lists",
            "Blocked Numbers",
            "Call Security")) {
      browser.get(
          TestEnvironment.publicUrl()
              + "/"
              + page.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
              + ".xhtml");
      wait.until(ExpectedConditions.titleContains(page));
      assertAccessible(page.toLowerCase());
    }
    browser.findElement(By.id("why:extension")).sendKeys("1000");
    // No route of any test takes a number of * and # alone.
    browser.findElement(By.id("why:number")).sendKeys("*#*#");
    browser.findElement(By.id("why:check")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("why:outcome")));
    assertEquals(
        "No outbound route takes *#*#: the call would get 404.",
        browser.findElement(By.cssSelector("#why\\:outcome p[role='status']")).getText().strip());
    assertAccessible("call security, a call checked");
    browser.get(TestEnvironment.publicUrl() + "/extension-groups.xhtml");
    wait.until(ExpectedConditions.titleContains("Extension Groups"));
    assertAccessible("extension groups");
    browser.get(TestEnvironment.publicUrl() + "/frequency-rules.xhtml");
    wait.until(ExpectedConditions.titleContains("Outbound Call Frequency"));
    assertAccessible("outbound call frequency");
    browser.get(TestEnvironment.publicUrl() + "/country-codes.xhtml");
    wait.until(ExpectedConditions.titleContains("Allowed Country Codes"));
    assertTrue(
        browser.findElement(By.id("codes:table")).getText().contains("Bahamas (BS)"),
        "every calling code is listed");
    assertAccessible("allowed country codes");
  }

  /** A block typed in shows in the list; the browser's own address is refused next to the field. */
  private void theBlockedIpsPageBlocksButNeverTheAdministratorsOwnAddress() {
    browser.get(TestEnvironment.publicUrl() + "/allowed-access.xhtml");
    wait.until(ExpectedConditions.titleContains("Allowed Access"));
    assertTrue(
        browser
            .findElement(By.id("access:countryDatabase"))
            .getText()
            .startsWith("geo-whois-asn-country.mmdb, built"));
    browser.findElement(By.cssSelector("#access\\:countryFilter .ui-toggleswitch-slider")).click();
    browser.findElement(By.id("access:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("access:allowedCountriesMessage"), "Choose at least one country"));
    assertAccessible("allowed access, the filter refused without a country");
    browser.get(TestEnvironment.publicUrl() + "/security-overview.xhtml");
    wait.until(ExpectedConditions.titleContains("Security Overview"));
    assertTrue(browser.findElement(By.id("overview")).getText().contains("Top countries"));
    assertAccessible("security overview");
    assertEquals(
        List.of(List.of("0")), Database.query("select country_filter from access_settings"));

    browser.get(TestEnvironment.publicUrl() + "/certificate.xhtml");
    wait.until(ExpectedConditions.titleContains("Certificate"));
    assertTrue(
        browser
            .findElement(By.id("fingerprint"))
            .getText()
            .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    browser.findElement(By.id("install:installButton")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("install:certificateMessage"), "Paste the certificate in PEM form"));
    assertAccessible("certificate, nothing pasted");
    for (Map.Entry<String, String> page :
        Map.of(
                "Email", "mail",
                "Microsoft sign-in", "microsoft-sign-in",
                "Event Notification", "event-notification",
                "Backup and Restore", "backups")
            .entrySet()) {
      browser.get(TestEnvironment.publicUrl() + "/" + page.getValue() + ".xhtml");
      wait.until(ExpectedConditions.titleContains(page.getKey()));
      assertAccessible(page.getKey().toLowerCase(java.util.Locale.ROOT));
    }

    browser.get(TestEnvironment.publicUrl() + "/blocked-ips.xhtml");
    wait.until(ExpectedConditions.titleContains("Blocked IPs"));
    browser.findElement(By.id("block:source")).sendKeys("127.0.0.1");
    browser.findElement(By.id("block:reason")).sendKeys("portal IT");
    browser.findElement(By.id("block:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("block:sourceMessage"), "would block the address you are using"));
    assertAccessible("blocked IPs, with an invalid field");
    WebElement source = browser.findElement(By.id("block:source"));
    source.clear();
    source.sendKeys("203.0.113.50");
    browser.findElement(By.id("block:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("list:table"), "203.0.113.50"));
    assertTrue(browser.findElement(By.id("list:table")).getText().contains("Permanent"));
    assertEquals(
        1, Database.count("select count(*) from blocked_source where source = '203.0.113.50'"));
    browser.findElement(By.cssSelector("button[title='Unblock 203.0.113.50']")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")))
        .click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("button[title='Unblock 203.0.113.50']")));
    assertEquals(
        0, Database.count("select count(*) from blocked_source where source = '203.0.113.50'"));
  }

  /**
   * Static Defense lists the guide's default rules and saves a Drop rule typed in; a wrong port
   * range is marked at its field. Auto Defense lists the default rates and the lockout settings,
   * and takes a decoy extension. Blocked IPs refuses to turn the blocklist on without a feed and
   * tells why an address is let in.
   */
  private void theDefenseRulePagesShowTheGuidesDefaultsAndSaveARule() {
    browser.get(TestEnvironment.publicUrl() + "/static-defense.xhtml");
    wait.until(ExpectedConditions.titleContains("Static Defense"));
    assertTrue(
        browser.findElement(By.id("rules:table")).getText().contains("Default_Private_IPv4_3"));
    browser.findElement(By.id("rule:name")).sendKeys("Portal drop");
    browser.findElement(By.id("rule:source")).sendKeys("198.51.100.0/24");
    browser.findElement(By.id("rule:ports")).sendKeys("5060");
    browser.findElement(By.id("rule:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("rule:portsMessage"), "only with the service Port range"));
    assertAccessible("static defense, with an invalid field");
    browser.findElement(By.id("rule:ports")).clear();
    browser.findElement(By.id("rule:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("rules:table"), "Portal drop"));
    assertEquals(
        List.of(List.of("198.51.100.0/24", "DROP")),
        Database.query("select source, action from static_rule where name = 'Portal drop'"));

    browser.get(TestEnvironment.publicUrl() + "/auto-defense.xhtml");
    wait.until(ExpectedConditions.titleContains("Auto Defense"));
    assertTrue(browser.findElement(By.id("rules:table")).getText().contains("40/2 s"));
    assertEquals("5", browser.findElement(By.id("settings:lockoutAttempts")).getAttribute("value"));
    assertAccessible("auto defense");
    browser.findElement(By.id("decoys:number")).sendKeys("3996");
    browser.findElement(By.id("decoys:addDecoy")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("decoys:table"), "3996"));

    browser.get(TestEnvironment.publicUrl() + "/blocked-ips.xhtml");
    wait.until(ExpectedConditions.titleContains("Blocked IPs"));
    assertTrue(
        browser
            .findElement(By.id("blocklist"))
            .getText()
            .contains("Global anti-hacking IP blocklist"));
    browser.findElement(By.id("blocklist:url")).clear();
    if (!browser.findElement(By.id("blocklist:enabled_input")).isSelected()) {
      browser.findElement(By.cssSelector("#blocklist\\:enabled .ui-chkbox-box")).click();
    }
    browser.findElement(By.id("blocklist:save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("blocklist:urlMessage"), "required to turn it on"));
    browser.findElement(By.id("check:address")).sendKeys("127.0.0.1");
    browser.findElement(By.id("check:run")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("check:result"), "Trusted at install"));
    assertAccessible("blocked IPs, the blocklist refused and an address checked");
    // Back at the top of a short page: PrimeFaces closes an open menu when the page scrolls.
    browser.get(TestEnvironment.publicUrl() + "/");
    wait.until(ExpectedConditions.titleContains("Dashboard"));
  }

  private void openForEdit(String number) {
    browser.get(TestEnvironment.publicUrl() + "/extensions.xhtml");
    wait.until(ExpectedConditions.titleContains("Extensions"));
    showOnly(number);
    browser.findElement(By.cssSelector("button[title='Edit extension " + number + "']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("editorTitle"), "Edit extension " + number));
    wait.until(
        d -> "extensionForm:displayName".equals(d.switchTo().activeElement().getAttribute("id")));
  }

  /**
   * Types {@code number} into the list's Number filter, as a user looking for one extension among
   * the many the other tests created: the list then shows that one alone.
   */
  private void showOnly(String number) {
    WebElement filter =
        browser.findElement(By.cssSelector("[id='extensions:table'] .ui-column-filter"));
    filter.clear();
    filter.sendKeys(number);
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("[id='extensions:table_data'] > tr"), 1));
  }

  private void assertPageMessage(String text) {
    WebElement messages =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
    wait.until(ExpectedConditions.textToBePresentInElement(messages, text));
    String shown = messages.getText();
    assertEquals(shown.indexOf(text), shown.lastIndexOf(text), "said once: " + shown);
  }

  private void theApiRefusesThePortalCookie() {
    long before = Database.count("select count(*) from extension");
    String cookies =
        browser.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(java.util.stream.Collectors.joining("; "));
    var response =
        Http.send(
            Http.request(ExtensionsApi.url())
                .header("Cookie", cookies)
                .header("Content-Type", "application/json")
                .POST(
                    Http.json(
                        ExtensionsApi.extension(
                            "5002", "Cookie", "cookie5002", "Str0ngPassw0rd", null))));
    assertEquals(401, response.statusCode(), response.body());
    assertEquals(before, Database.count("select count(*) from extension"));
  }

  private void theCallPagesShowAndCheckTheirFilters() {
    browser.get(TestEnvironment.publicUrl() + "/active-calls.xhtml");
    wait.until(ExpectedConditions.titleContains("Active calls"));
    assertTrue(browser.findElement(By.id("live:table")).getText().contains("Caller"));
    assertAccessible("active calls");
    browser.get(TestEnvironment.publicUrl() + "/cdrs.xhtml");
    wait.until(ExpectedConditions.titleContains("Call log"));
    browser.findElement(By.id("calls:number")).sendKeys("1001; drop");
    browser.findElement(By.id("calls:apply")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("calls:numberMessage"), "A number has up to 64 digits"));
    assertAccessible("call log");
  }

  private void aMissingPageIsStyledAndSaysNothingInternal() {
    browser.get(TestEnvironment.publicUrl() + "/no-such-page.xhtml");
    wait.until(ExpectedConditions.titleContains("Not found"));
    String page = browser.getPageSource();
    assertTrue(page.contains("There is no page at this address"), page);
    assertNothingInternal(page);
    keepScreenshot("error-404");
  }

  /**
   * A real failure behind a page, as when the database lost a table: the event log's table is
   * renamed away for a moment, the page answers 500 with the styled page and nothing of the SQL,
   * the persistence layer or the server.
   */
  private void aFailureInsideIsStyledAndSaysNothingInternal() {
    Database.execute("rename table event_log to event_log_away");
    try {
      browser.get(TestEnvironment.publicUrl() + "/events.xhtml");
      wait.until(ExpectedConditions.titleContains("Something went wrong"));
      String page = browser.getPageSource();
      assertNothingInternal(page);
      for (String internal : List.of("event_log", "SQL", "Hibernate", "jakarta.", "at io.")) {
        assertFalse(page.contains(internal), internal + " in " + page);
      }
      keepScreenshot("error-500");
    } finally {
      Database.execute("rename table event_log_away to event_log");
    }
  }

  private static void assertNothingInternal(String page) {
    for (String internal :
        List.of("ExternalContext", "Exception", "WildFly", "Undertow", ".java")) {
      assertFalse(page.contains(internal), internal + " in " + page);
    }
  }

  /** The pages as a user sees them, kept with the test reports for a person to look at. */
  private void keepScreenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The portal's session cookie is gone, as after an idle timeout: Save says so instead of
   * spinning, and Sign in leads on (through Keycloak, whose own session still signs the user in).
   */
  private void aSaveAfterTheSessionEndedSaysSo() {
    browser.get(TestEnvironment.publicUrl() + "/extensions.xhtml");
    wait.until(ExpectedConditions.titleContains("Extensions"));
    fill("extensionForm:number", "5003");
    browser.manage().deleteCookieNamed("JSESSIONID");
    browser.findElement(By.id("extensionForm:save")).click();
    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sessionEnded")));
    assertTrue(dialog.getText().contains("Your session has ended"), dialog.getText());
    dialog.findElement(By.tagName("button")).click();
    wait.until(ExpectedConditions.titleContains("Extensions"));
    assertEquals(0, Database.count("select count(*) from extension where number = '5003'"));
  }

  /** My account opens Keycloak's account console, where users change password and authenticator. */
  private void theAccountPageWorks() {
    userMenuItem("account").click();
    // The account console is a single-page application: while it renders, elements come and go.
    try {
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(
              d ->
                  d.getCurrentUrl().contains("/realms/bulwark/account")
                      && d.findElement(By.tagName("body")).getText().contains("Personal info"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "account page at "
              + browser.getCurrentUrl()
              + " shows: "
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
    assertFalse(
        browser.findElement(By.tagName("body")).getText().contains("Something went wrong"),
        browser.getPageSource());
    browser.get(TestEnvironment.publicUrl() + "/");
    wait.until(ExpectedConditions.titleContains("Dashboard"));
  }

  /** Signs out from the user menu: Back and reopening the portal show the login page. */
  private void signOut() {
    signOut(TestEnvironment.publicUrl());
  }

  /**
   * Signs out from the menu of the portal at {@code portal}, the page scrolled to its end, and
   * finds that neither the back button nor the portal's address brings the session back.
   */
  private void signOut(String portal) {
    // The menu opens and stays open on a page scrolled down too.
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("window.scrollTo(0, document.body.scrollHeight);");
    WebElement signOut = userMenuItem("signOut");
    keepScreenshot("user-menu");
    signOut.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.navigate().back();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.get(portal + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertFalse(browser.getPageSource().contains("Registered now"), "signed in again silently");
  }

  /**
   * The user menu's item {@code id}, the menu opened from its button; should it stay closed, what
   * the page holds is said in the log.
   */
  private WebElement userMenuItem(String id) {
    browser.findElement(By.id("userForm:userMenu_button")).click();
    try {
      WebElement item =
          new WebDriverWait(browser, Duration.ofSeconds(10))
              .until(ExpectedConditions.elementToBeClickable(By.id("userForm:" + id)));
      assertEquals(
          Boolean.TRUE,
          ((org.openqa.selenium.JavascriptExecutor) browser)
              .executeScript(
                  "var r = document.getElementById('userForm:userMenu_menu')"
                      + ".getBoundingClientRect();"
                      + " return r.left >= 0 && r.right <= window.innerWidth"
                      + " && r.bottom <= window.innerHeight;"),
          "the whole menu inside the window");
      return item;
    } catch (org.openqa.selenium.TimeoutException e) {
      System.out.println(
          "The user menu stayed closed at "
              + browser.getCurrentUrl()
              + ": "
              + ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript(
                      "var m = document.getElementById('userForm:userMenu_menu');"
                          + " return JSON.stringify({menu: m && m.outerHTML.substring(0, 400),"
                          + " scrollY: window.scrollY, active: document.activeElement.id});"));
      browser.manage().logs().get("browser").getAll().forEach(System.out::println);
      keepScreenshot("user-menu-closed");
      throw e;
    }
  }

  private void anEmployeeSeesNoSecurityDetails() throws java.io.IOException {
    KeycloakAdmin.ensureUser("employee1", "Empl0yee-Portal-2026!", "employee");
    signIn("employee1", "Empl0yee-Portal-2026!");
    wait.until(ExpectedConditions.titleContains("Dashboard"));
    String page = browser.getPageSource();
    assertTrue(page.contains("Registered now"), page);
    assertFalse(page.contains("Latest events"), "security events shown to an employee");
    assertFalse(page.contains("Registered phones"), "phone addresses shown to an employee");
    assertTrue(
        browser.findElements(By.cssSelector(".ui-chart, canvas")).isEmpty(),
        "a chart shown to an employee");
    assertFalse(page.contains("Security events per hour"), "security events in numbers");
    assertTrue(browser.findElements(By.id("menuExtensions")).isEmpty());
    assertAccessible("dashboard (employee)");
    assertNoBlockingViolations();
    for (String guardedPage : menuPages()) {
      browser.get(TestEnvironment.publicUrl() + guardedPage);
      wait.until(ExpectedConditions.titleContains("Access denied"));
    }
  }

  /**
   * Every page of the menu but the dashboard, read from the portal's template: each needs an access
   * an employee lacks, so a page added there without its area fails this test.
   */
  private static List<String> menuPages() throws java.io.IOException {
    String template =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("../pbx-web/src/main/webapp/WEB-INF/template.xhtml"));
    List<String> pages = new java.util.ArrayList<>();
    java.util.regex.Matcher href =
        java.util.regex.Pattern.compile("href=\"(/[a-z-]+\\.xhtml)\"").matcher(template);
    while (href.find()) {
      pages.add(href.group(1));
    }
    assertTrue(
        pages.containsAll(
            List.of("/extensions.xhtml", "/pin-lists.xhtml", "/certificate.xhtml", "/roles.xhtml")),
        "the menu: " + pages);
    return pages;
  }

  /**
   * The administrator moves the portal from the page, opens it on the new port without signing in
   * again and keeps it there; sees the dashboard there in the same session, signs out and in again
   * there; and moves it back the same way.
   */
  private void thePortalMovesToAnotherPortAndTheSessionGoesAlong(String totpSecret)
      throws InterruptedException {
    int https = TestEnvironment.port("BULWARK_HTTPS_PORT", 18443);
    int http = TestEnvironment.port("BULWARK_HTTP_PORT", 18080);
    String token = KeycloakAdmin.tokenWithRole("administrator");
    jakarta.json.JsonObject settings =
        Http.object(Http.api(token, "GET", "/system/web-ports", null));
    int newHttps = TestEnvironment.freePortOutside(settings);
    int newHttp = TestEnvironment.freePortOutside(settings);
    movePortal(https, newHttps, newHttp);
    try {
      assertAccessible("service ports, moved");
      String moved = "https://localhost:" + newHttps;
      browser.get(moved + "/index.xhtml");
      wait.until(ExpectedConditions.titleContains("Dashboard"));
      assertTrue(browser.getPageSource().contains("Registered now"), "the same session");
      signOut(moved);
      signIn("admin", NEW_PASSWORD);
      enterCode(totpSecret);
      wait.until(ExpectedConditions.titleContains("Dashboard"));
      assertTrue(browser.getCurrentUrl().startsWith(moved + "/"), browser.getCurrentUrl());
      movePortal(newHttps, https, http);
    } finally {
      WebPortsIT.moveBack(token, https, http, newHttps);
    }
    Database.awaitExactCount(
        2,
        "select count(*) from event_log where type = 'WEB_PORTS_CHANGED' and identity = 'admin'"
            + " and (detail like '%to HTTPS "
            + newHttps
            + ",%' or detail like '%from HTTPS "
            + newHttps
            + ",%')");
  }

  private void movePortal(int from, int https, int http) {
    browser.get("https://localhost:" + from + "/service-ports.xhtml");
    wait.until(ExpectedConditions.titleContains("Service ports"));
    replaceNumber("web:httpsPort_input", https);
    replaceNumber("web:httpPort_input", http);
    clickInView(By.id("web:move"));
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")))
        .click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("web:pendingText"), "The portal listens on HTTPS " + https));
    assertAccessible("service ports, a move waiting");
    String address = browser.findElement(By.id("web:newAddress")).getAttribute("href");
    assertEquals("https://localhost:" + https + "/service-ports.xhtml", address);
    browser.get(address);
    // The same session on the new port: the page itself, not Keycloak's sign-in.
    wait.until(ExpectedConditions.titleContains("Service ports"));
    clickInView(By.id("web:keep"));
    assertEquals(
        "The portal stays on HTTPS " + https + " and HTTP " + http,
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#pageMessages .ui-messages-info-summary")))
            .getText());
  }

  /** Runs axe-core on the page shown now; {@link #assertNoBlockingViolations} judges them all. */
  private void assertAccessible(String page) {
    Axe.check(browser, page).forEach(v -> System.out.println("axe: " + v));
  }

  private static void assertNoBlockingViolations() {
    System.out.println("axe-core violations by impact over all pages: " + Axe.byImpact());
    assertEquals(
        List.of(),
        Axe.all().stream().filter(Axe.Violation::blocking).toList(),
        "serious or critical accessibility violations");
  }

  /**
   * Clicks {@code target} once it is scrolled to the middle of the window: where the scroll left
   * it, the fixed header may cover it, and the menu's length moves it.
   */
  private void clickInView(By target) {
    WebElement element = browser.findElement(target);
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private void enterCode(String totpSecret) throws InterruptedException {
    WebElement otp = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("otp")));
    otp.sendKeys(Totp.code(totpSecret, nextTimeStep()));
    browser.findElement(By.id("kc-login")).click();
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

  /** Types over a number field's value: its formatter ignores a plain clear. */
  private void replaceNumber(String id, int value) {
    WebElement field = browser.findElement(By.id(id));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Integer.toString(value));
    assertEquals(Integer.toString(value), field.getAttribute("value"), id);
  }

  private void fill(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
