package io.bulwark.pbx.web.portal;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.PublicAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Who is signed in, as the header shows it, and signing out.
 *
 * <p>Signing out ends both sessions: the portal's here, and Keycloak's single sign-on session by
 * sending the browser to Keycloak's end-session endpoint with the ID token as a hint (OpenID
 * Connect RP-Initiated Logout). With the hint Keycloak ends the session without asking again, and
 * without it a later visit would sign the user straight back in. It is a Faces action, so a POST
 * that carries the view state: another site cannot sign a user out.
 */
@Named
@RequestScoped
public class UserSession {

  @Inject private Permit permit;

  /** Most privileged first: the header names the first one the user holds. */
  private static final List<String> ROLES =
      List.of(
          "super-administrator",
          "administrator",
          "supervisor",
          "operator",
          "human-resource",
          "accounting",
          "employee");

  static String publicUrl() {
    return PublicAddress.url();
  }

  public String getName() {
    return external().getRemoteUser();
  }

  /** The user's most privileged role, in words. */
  public String getRole() {
    ExternalContext external = external();
    for (String role : ROLES) {
      if (external.isUserInRole(role)) {
        return Character.toUpperCase(role.charAt(0)) + role.substring(1).replace('-', ' ');
      }
    }
    return "";
  }

  /**
   * Whether the user may see the security of the system (view access to Security): the dashboard
   * then shows addresses, user agents and events too.
   */
  public boolean isSecurityViewer() {
    return permit.view(Area.SECURITY.name());
  }

  /** Keycloak's account console, where users change their password and authenticator. */
  public String getAccountUrl() {
    return PublicAddress.keycloak() + "/realms/bulwark/account/";
  }

  public void signOut() throws IOException {
    ExternalContext external = external();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String idToken = null;
    if (request.getAttribute(OidcSecurityContext.class.getName())
        instanceof OidcSecurityContext oidc) {
      idToken = oidc.getIDTokenString();
    }
    external.invalidateSession();
    StringBuilder endSession =
        new StringBuilder(PublicAddress.keycloak())
            .append("/realms/bulwark/protocol/openid-connect/logout?client_id=bulwark-portal")
            .append("&post_logout_redirect_uri=")
            .append(URLEncoder.encode(publicUrl() + "/", StandardCharsets.UTF_8));
    if (idToken != null) {
      endSession
          .append("&id_token_hint=")
          .append(URLEncoder.encode(idToken, StandardCharsets.UTF_8));
    }
    external.redirect(endSession.toString());
    FacesContext.getCurrentInstance().responseComplete();
  }

  private static ExternalContext external() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }
}
