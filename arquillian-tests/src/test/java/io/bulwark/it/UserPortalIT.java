package io.bulwark.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user portal as an extension's user sees it: signed in with the extension's number, they see
 * their own extension and the phone registered to it now, and none of the administration.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserPortalIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return BulwarkDeployment.ear();
  }

  @Test
  void anExtensionsUserSeesTheirExtensionAndItsPhonesOnly() throws Exception {
    ExtensionsApi admin = new ExtensionsApi(KeycloakAdmin.tokenWithRole("administrator"));
    long mine =
        Http.object(
                admin.create(
                    Json.createObjectBuilder(
                            ExtensionsApi.extension(
                                "5401",
                                "Grace Hopper",
                                "grace5401",
                                "Cob0l#Compiler",
                                "grace5401@example.com"))
                        .add(
                            "user",
                            Json.createObjectBuilder()
                                .add("firstName", "Grace")
                                .add("lastName", "Hopper"))
                        .build()))
            .getJsonNumber("id")
            .longValue();
    long other = admin.createValid("5402", "other5402", "Oth3r#Phone-Ext");
    try {
      KeycloakAdmin.setPassword("5401", "Compiler-Portal-2026!");
      assertEquals(
          200, Sipp.register("5401", "grace5401", "Cob0l#Compiler", 300, "udp").finalStatus());
      assertEquals(
          200, Sipp.register("5402", "other5402", "Oth3r#Phone-Ext", 300, "udp").finalStatus());

      Path session = WebLogin.signIn("5401", "Compiler-Portal-2026!");
      try {
        Probes.Answer page = WebLogin.get(session, "/my-extension.xhtml");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<span id=\"number\">5401</span>"), page.body());
        assertTrue(page.body().contains("Grace Hopper"));
        assertTrue(page.body().contains(Sipp.USER_AGENT), "the phone registered now is listed");
        assertTrue(page.body().contains("No call in the last 30 days."));
        assertTrue(page.body().contains("sip:5401@"), "its contact");
        assertFalse(page.body().contains("sip:5402@"), "another extension's phone is not shown");
        assertTrue(page.body().contains("/realms/bulwark/account/"), "the account page is linked");
        assertEquals(403, WebLogin.get(session, "/extensions.xhtml").status());
      } finally {
        Files.deleteIfExists(session);
      }
    } finally {
      admin.delete(mine);
      admin.delete(other);
    }
  }
}
