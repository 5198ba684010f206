package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.onboarding.LoginLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One-time login links: {@code /api/v1/login-links/{number}} issues (POST), shows (GET) and revokes
 * (DELETE) the link that signs the user of extension {@code number} in to the user portal once;
 * {@code /api/v1/login-links/welcome-emails} mails a new link to each chosen extension. A link is
 * shown only when issued; Bulwark keeps only its hash. Only someone whose roles reach as far as the
 * user's role may issue one.
 */
@Path("/login-links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.EXTENSIONS)
public class LoginLinkResource {

  @Inject private LoginLinks links;
  @Context private SecurityContext security;

  /** How long the link lives, in hours; a week without it. */
  public record Lifetime(Integer hours) {}

  /** A link just issued. */
  public record Issued(String number, String url, Instant expires) {}

  /** Whether the extension has an unspent link, and until when. */
  public record Pending(String number, boolean pending, Instant expires) {}

  /** Which extensions get a welcome email, and how long their links live. */
  public record Welcome(List<String> extensions, Integer hours) {}

  @POST
  @Path("/{number}")
  @APIResponse(responseCode = "200", description = "The new link; the last one no longer works")
  @APIResponse(
      responseCode = "400",
      description = "A lifetime out of range, or a user whose role reaches further than yours",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No such extension",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Issued issue(@PathParam("number") String number, Lifetime input) {
    LoginLinks.Issued issued =
        links.issue(
            number,
            lifetime(input == null ? null : input.hours()),
            security::isUserInRole,
            Requests.actor(security));
    return new Issued(issued.number(), issued.url(), issued.expires());
  }

  @GET
  @Path("/{number}")
  @APIResponse(responseCode = "200", description = "Whether a link is unspent")
  public Pending pending(@PathParam("number") String number) {
    Instant expires = links.pending(number).orElse(null);
    return new Pending(number, expires != null, expires);
  }

  @DELETE
  @Path("/{number}")
  @APIResponse(responseCode = "204", description = "The link no longer works")
  @APIResponse(
      responseCode = "404",
      description = "No such extension",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response revoke(@PathParam("number") String number) {
    links.revoke(number, Requests.actor(security));
    return Response.noContent().build();
  }

  @POST
  @Path("/welcome-emails")
  @APIResponse(responseCode = "200", description = "What was sent to whom, and what was not")
  @APIResponse(
      responseCode = "400",
      description = "No extension chosen, or a lifetime out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public List<LoginLinks.Outcome> welcome(Welcome input) {
    Welcome body = Requests.required(input);
    return links.sendWelcome(
        body.extensions(),
        lifetime(body.hours()),
        security::isUserInRole,
        Requests.actor(security));
  }

  private static Duration lifetime(Integer hours) {
    return hours == null ? null : Duration.ofHours(hours);
  }
}
