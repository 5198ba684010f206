package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The second-factor policy: on a new system the super administrator and administrators sign in with
 * an authenticator app's code, enrolled at their first sign-in; a role added to the policy is asked
 * for it from the next sign-in of its holders; the super administrator cannot be left out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoFactorIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  private final String superAdmin = KeycloakAdmin.tokenWithRole("super-administrator");

  @Test
  void recoveryCodesCanBeSetUp() {
    HttpResponse<String> action =
        KeycloakAdmin.admin(
            "GET", "/bulwark/authentication/required-actions/CONFIGURE_RECOVERY_AUTHN_CODES", null);
    assertEquals(200, action.statusCode(), action.body());
    assertTrue(
        Http.object(action).getBoolean("enabled"),
        "users set recovery codes up on their account page");
  }

  @Test
  void rolesInThePolicySignInWithASecondFactorAndOthersDoNot() throws Exception {
    JsonObject before = Http.object(Http.api(superAdmin, "GET", "/two-factor", null));
    assertEquals(
        List.of("administrator", "super-administrator"),
        before.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .sorted()
            .toList());

    KeycloakAdmin.ensureUser("tfa-admin", "Twofactor-Admin-2026!", "administrator");
    Files.deleteIfExists(WebLogin.signIn("tfa-admin", "Twofactor-Admin-2026!"));
    assertTrue(WebLogin.enrolled("tfa-admin"), "an administrator enrols an authenticator");
    // The second sign-in is asked for a code of the authenticator enrolled at the first.
    Files.deleteIfExists(WebLogin.signIn("tfa-admin", "Twofactor-Admin-2026!"));

    KeycloakAdmin.ensureUser("tfa-operator", "Twofactor-Operator-2026!", "operator");
    Files.deleteIfExists(WebLogin.signIn("tfa-operator", "Twofactor-Operator-2026!"));
    assertFalse(WebLogin.enrolled("tfa-operator"), "an operator signs in with the password only");

    HttpResponse<String> changed =
        Http.api(
            superAdmin,
            "PUT",
            "/two-factor",
            Json.createObjectBuilder()
                .add(
                    "roles",
                    Json.createArrayBuilder()
                        .add("super-administrator")
                        .add("administrator")
                        .add("operator"))
                .build());
    assertEquals(200, changed.statusCode(), changed.body());
    try {
      Files.deleteIfExists(WebLogin.signIn("tfa-operator", "Twofactor-Operator-2026!"));
      assertTrue(WebLogin.enrolled("tfa-operator"), "now the operator enrols one too");
      assertEquals(
          1,
          Database.awaitCount(
              1,
              "select count(*) from event_log where type = 'TWO_FACTOR_POLICY_UPDATED'"
                  + " and detail like ?",
              "%operator%"));
    } finally {
      HttpResponse<String> restored = Http.api(superAdmin, "PUT", "/two-factor", before);
      assertEquals(200, restored.statusCode(), restored.body());
    }

    Problems.assertProblem(
        400,
        Http.api(
            superAdmin,
            "PUT",
            "/two-factor",
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("administrator"))
                .build()),
        "roles");
    Problems.assertProblem(
        400,
        Http.api(
            superAdmin,
            "PUT",
            "/two-factor",
            Json.createObjectBuilder()
                .add(
                    "roles",
                    Json.createArrayBuilder().add("super-administrator").add("no-such-role"))
                .build()),
        "roles");
    assertEquals(before, Http.object(Http.api(superAdmin, "GET", "/two-factor", null)));
  }
}
