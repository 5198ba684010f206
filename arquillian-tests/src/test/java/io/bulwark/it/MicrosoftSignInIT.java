package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in with Microsoft Entra ID, end to end in Chromium, with a second Keycloak realm playing the
 * tenant: configured through the API from its discovery document, a user of an allowed domain lands
 * in the user portal as the extension with their email address, and one of another domain is turned
 * away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicrosoftSignInIT {

  private static final String TENANT = "entra-sim";
  private static final String CLIENT_SECRET = "Sim-Client-Secret-2026";
  private static final String USER_PASSWORD = "Sim-User-Pass-2026";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String admin = KeycloakAdmin.tokenWithRole("administrator");

  @Test
  void anAllowedDomainSignsInThroughTheTenantAndAnotherDoesNot() throws Exception {
    HttpResponse<String> created = KeycloakAdmin.admin("POST", "", tenantRealm());
    assertEquals(201, created.statusCode(), created.body());
    ExtensionsApi extensions = new ExtensionsApi(admin);
    long linus =
        Http.object(
                extensions.create(
                    withUser(
                        ExtensionsApi.extension(
                            "5701", "Linus", "linus5701", "Kern3l#Hacker", "linus@contoso.test"),
                        "Linus")))
            .getJsonNumber("id")
            .longValue();
    long eve =
        Http.object(
                extensions.create(
                    withUser(
                        ExtensionsApi.extension(
                            "5702", "Eve", "eve5702", "Ev1l#Outsider", "eve@evil.test"),
                        "Eve")))
            .getJsonNumber("id")
            .longValue();
    try {
      HttpResponse<String> plainHttp =
          Http.api(admin, "PUT", "/sso/microsoft", settings("http://example.com/metadata"));
      assertEquals(400, plainHttp.statusCode());
      assertTrue(plainHttp.body().contains("metadataUrl"), plainHttp.body());
      HttpResponse<String> saved = Http.api(admin, "PUT", "/sso/microsoft", settings(discovery()));
      assertEquals(200, saved.statusCode(), saved.body());
      JsonObject shown = Http.object(Http.api(admin, "GET", "/sso/microsoft", null));
      assertTrue(shown.getBoolean("clientSecretSet"));
      assertTrue(!shown.toString().contains(CLIENT_SECRET), "the secret is never shown");
      assertEquals(
          TestEnvironment.publicUrl() + "/realms/bulwark/broker/microsoft/endpoint",
          shown.getString("redirectUri"));

      signInThroughTheTenant("linus");
      assertEquals("5701", browser.findElement(By.id("number")).getText());
      browser.quit();
      browser = null;

      signInThroughTheTenant("eve");
      assertTrue(
          browser.getPageSource().contains("its email domain is not one the administrator allowed"),
          browser.getPageSource());
      assertTrue(browser.findElements(By.id("number")).isEmpty(), "Eve is not signed in");
      Database.awaitCount(1, "select count(*) from event_log where type = 'SSO_SETTINGS_UPDATED'");
    } finally {
      if (browser != null) {
        browser.quit();
      }
      Http.api(admin, "PUT", "/sso/microsoft", settings(discovery(), false));
      KeycloakAdmin.admin("DELETE", "/" + TENANT, null);
      extensions.delete(linus);
      extensions.delete(eve);
    }
  }

  private WebDriver browser;

  /** Opens the user portal in a new browser and signs in as {@code user} of the tenant. */
  private void signInThroughTheTenant(String user) {
    browser = Chromium.open();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(TestEnvironment.publicUrl() + "/my-extension.xhtml");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("social-microsoft"))).click();
    wait.until(d -> d.getCurrentUrl().contains("/realms/" + TENANT + "/"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(USER_PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    try {
      wait.until(
          d ->
              !d.findElements(By.id("number")).isEmpty()
                  || d.getPageSource().contains("may not sign in here"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          user
              + " did not get through: "
              + browser.getCurrentUrl()
              + "\n"
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  private static JsonObject withUser(JsonObject extension, String firstName) {
    return Json.createObjectBuilder(extension)
        .add(
            "user",
            Json.createObjectBuilder().add("firstName", firstName).add("lastName", "Tenant"))
        .build();
  }

  private static String discovery() {
    return TestEnvironment.keycloakUrl()
        + "/realms/"
        + TENANT
        + "/.well-known/openid-configuration";
  }

  private static JsonObject settings(String metadataUrl) {
    return settings(metadataUrl, true);
  }

  private static JsonObject settings(String metadataUrl, boolean enabled) {
    return Json.createObjectBuilder()
        .add("enabled", enabled)
        .add("tenant", "contoso.onmicrosoft.com")
        .add("clientId", "bulwark-portal-app")
        .add("clientSecret", CLIENT_SECRET)
        .add("allowedDomains", Json.createArrayBuilder().add("contoso.test"))
        .add("metadataUrl", metadataUrl)
        .build();
  }

  /**
   * The tenant: its own front-end address on loopback (the portal proxies only Bulwark's realm),
   * the application Bulwark is registered as, and two organisation accounts.
   */
  private static JsonObject tenantRealm() {
    return Json.createObjectBuilder()
        .add("realm", TENANT)
        .add("enabled", true)
        .add("sslRequired", "none")
        .add(
            "attributes",
            Json.createObjectBuilder().add("frontendUrl", TestEnvironment.keycloakUrl()))
        .add(
            "clients",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("clientId", "bulwark-portal-app")
                        .add("enabled", true)
                        .add("publicClient", false)
                        .add("secret", CLIENT_SECRET)
                        .add("standardFlowEnabled", true)
                        .add(
                            "redirectUris",
                            Json.createArrayBuilder()
                                .add(
                                    TestEnvironment.publicUrl()
                                        + "/realms/bulwark/broker/microsoft/endpoint"))))
        .add(
            "users",
            Json.createArrayBuilder()
                .add(account("linus", "linus@contoso.test"))
                .add(account("eve", "eve@evil.test")))
        .build();
  }

  private static JsonObject account(String username, String email) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("email", email)
        .add("emailVerified", true)
        .add("firstName", username)
        .add("lastName", "Tenant")
        .add("enabled", true)
        .add(
            "credentials",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("type", "password")
                        .add("value", USER_PASSWORD)
                        .add("temporary", false)))
        .build();
  }
}
