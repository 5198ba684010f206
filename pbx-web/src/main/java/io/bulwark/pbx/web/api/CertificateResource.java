package io.bulwark.pbx.web.api;

import io.bulwark.pbx.certificate.CertificateDetails;
import io.bulwark.pbx.certificate.CertificateService;
import io.bulwark.pbx.identity.Area;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/system/certificate}: the certificate HTTPS and SIP over TLS present, self-signed
 * until an administrator installs one of their own.
 */
@Path("/system/certificate")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class CertificateResource {

  @Inject private CertificateService certificates;
  @Context private SecurityContext security;

  /**
   * A certificate chain in PEM form (the server's certificate first, then each one's issuer) and
   * its unencrypted PKCS #8 private key in PEM form.
   */
  public record Installation(String certificate, String privateKey) {}

  @GET
  @APIResponse(responseCode = "200", description = "The certificate presented now")
  public CertificateDetails get() {
    return certificates.current();
  }

  @PUT
  @APIResponse(
      responseCode = "200",
      description = "Installed: HTTPS and SIP over TLS present it from the next connection on")
  @APIResponse(
      responseCode = "400",
      description =
          "The certificate or key cannot be read, do not belong together, are out of date, too"
              + " weak or not for servers; errors says which. Nothing was changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public CertificateDetails install(Installation input) {
    Installation body = Requests.required(input);
    return certificates.install(body.certificate(), body.privateKey(), Requests.actor(security));
  }
}
