package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.identity.MicrosoftSignIn;
import io.bulwark.pbx.identity.MicrosoftSignInDraft;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/sso/microsoft}: sign-in with Microsoft Entra ID (Microsoft 365). Users sign in
 * with their organisation account and are matched to extensions by email address; only the {@code
 * allowedDomains} get in. {@code redirectUri} is what to register in Entra ID; {@code metadataUrl}
 * replaces Microsoft's discovery address of the tenant. The secret only goes in.
 */
@Path("/sso/microsoft")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class MicrosoftSignInResource {

  @Inject private MicrosoftSignIn microsoft;
  @Context private SecurityContext security;

  /** What is written; {@code clientSecret} may be left out to keep the saved one. */
  public record Input(
      Boolean enabled,
      String tenant,
      String clientId,
      String clientSecret,
      List<String> allowedDomains,
      String metadataUrl) {}

  @GET
  @APIResponse(responseCode = "200", description = "The settings")
  @APIResponse(
      responseCode = "503",
      description = "Keycloak did not answer",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public MicrosoftSignIn.Settings get() {
    return microsoft.settings();
  }

  @PUT
  @APIResponse(responseCode = "200", description = "The settings as saved")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong, or no discovery document at the address; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "Keycloak did not answer; nothing was changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public MicrosoftSignIn.Settings update(Input input) {
    Input body = Requests.required(input);
    return microsoft.update(
        new MicrosoftSignInDraft(
            body.enabled(),
            body.tenant(),
            body.clientId(),
            body.clientSecret(),
            body.allowedDomains(),
            body.metadataUrl()),
        Requests.actor(security));
  }
}
