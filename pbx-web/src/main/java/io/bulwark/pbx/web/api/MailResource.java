package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.mail.MailSecurity;
import io.bulwark.pbx.mail.MailService;
import io.bulwark.pbx.mail.MailSettings;
import io.bulwark.pbx.mail.MailSettingsDraft;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/mail}: the SMTP server Bulwark and Keycloak send email through (welcome emails,
 * sign-in codes). An empty {@code host} turns email off. The password is never shown: {@code
 * passwordSet} says whether one is saved, and a change without {@code password} keeps it.
 */
@Path("/mail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class MailResource {

  @Inject private MailService mail;
  @Context private SecurityContext security;

  /** The settings as shown; {@code password} only ever goes in. */
  public record Mail(
      String host,
      Integer port,
      MailSecurity security,
      String username,
      String password,
      Boolean passwordSet,
      String fromAddress,
      String fromName,
      Integer version) {}

  /** Whom a test message goes to. */
  public record Test(String to) {}

  @GET
  @APIResponse(responseCode = "200", description = "The SMTP server")
  public Mail get() {
    return view(mail.settings());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "The settings as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "Keycloak did not answer; nothing was changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Mail update(Mail input) {
    Mail body = Requests.required(input);
    return view(
        mail.update(
            body.version(),
            new MailSettingsDraft(
                body.host(),
                body.port(),
                body.security(),
                body.username(),
                body.password(),
                body.fromAddress(),
                body.fromName()),
            Requests.actor(security)));
  }

  @POST
  @Path("/test")
  @APIResponse(responseCode = "204", description = "The server took the message")
  @APIResponse(
      responseCode = "400",
      description = "Not an email address",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "Email is off, or the server did not take the message",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response test(Test input) {
    mail.sendTest(Requests.required(input).to(), Requests.actor(security));
    return Response.noContent().build();
  }

  private static Mail view(MailSettings settings) {
    return new Mail(
        settings.getHost(),
        settings.getPort(),
        settings.getSecurity(),
        settings.getUsername(),
        null,
        settings.isPasswordSet(),
        settings.getFromAddress(),
        settings.getFromName(),
        settings.getVersion());
  }
}
