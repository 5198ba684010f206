package io.bulwark.pbx.web.portal;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ends the portal session and the Keycloak single sign-on session. The OIDC tokens live in the HTTP
 * session, so invalidating it logs the user out here; Keycloak's session ends through the browser
 * redirect to its end-session endpoint (a back-channel call would need WildFly to trust the public
 * certificate).
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    String publicUrl = System.getenv().getOrDefault("BULWARK_PUBLIC_URL", "https://localhost:8443");
    String back = URLEncoder.encode(publicUrl + "/", StandardCharsets.UTF_8);
    response.sendRedirect(
        publicUrl
            + "/realms/bulwark/protocol/openid-connect/logout?client_id=bulwark-portal"
            + "&post_logout_redirect_uri="
            + back);
  }
}
