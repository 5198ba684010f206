package io.bulwark.pbx.web.api;

import io.bulwark.pbx.defense.AccessSettings;
import io.bulwark.pbx.defense.AccessSettingsDraft;
import io.bulwark.pbx.defense.CountryDatabase;
import io.bulwark.pbx.defense.DefenseRuleService;
import io.bulwark.pbx.defense.DefenseTable;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.web.http.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
 * {@code /api/v1/defense/access}: the guide's Allowed Country IPs (only addresses registered in the
 * chosen countries get in; private ranges always do) and allowlist mode (only the sources of Accept
 * rules, and trunk providers, get in).
 */
@Path("/defense/access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SECURITY)
public class AccessResource {

  @Inject private DefenseRuleService rules;
  @Inject private DefenseTable table;
  @Context private SecurityContext security;
  @Context private HttpServletRequest request;

  /**
   * The settings; {@code version} is sent back with a change. {@code countryDatabase} (read only)
   * names the country database in use, or is null when none could be read.
   */
  public record Access(
      Boolean countryFilter,
      List<String> allowedCountries,
      Boolean allowlistOnly,
      String countryDatabase,
      Integer version) {}

  @GET
  @APIResponse(responseCode = "200", description = "The access settings")
  public Access get() {
    return view(rules.access());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "The settings as changed")
  @APIResponse(
      responseCode = "400",
      description =
          "A field is wrong, no country database is installed, or the change would refuse your own"
              + " address; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Access update(Access input) {
    Access body = Requests.required(input);
    return view(
        rules.updateAccess(
            body.version(),
            new AccessSettingsDraft(
                body.countryFilter(), body.allowedCountries(), body.allowlistOnly()),
            Requests.actor(security),
            ClientAddress.of(request)));
  }

  private Access view(AccessSettings s) {
    return new Access(
        s.isCountryFilter(),
        s.getAllowedCountries(),
        s.isAllowlistOnly(),
        table.countries().map(CountryDatabase::describe).orElse(null),
        s.getVersion());
  }
}
