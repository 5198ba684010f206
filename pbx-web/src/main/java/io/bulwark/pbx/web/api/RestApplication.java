package io.bulwark.pbx.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Mounts the API. Its description is at {@code /openapi}, public on purpose: it holds no data, and
 * every operation needs a bearer token from Keycloak (client credentials or the code flow).
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Bulwark PBX API",
            version = "1",
            description =
                "Extensions, registrations, trunks, inbound and outbound routes, the event log and"
                    + " the dashboard's activity. Every error is application/problem+json (RFC"
                    + " 9457)."),
    security = @SecurityRequirement(name = RestApplication.BEARER))
@SecurityScheme(
    securitySchemeName = RestApplication.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "An access token of the Keycloak realm bulwark with a PBX administrator role")
public class RestApplication extends Application {

  static final String BEARER = "keycloak";
}
