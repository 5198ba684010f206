package io.bulwark.pbx.web.api;

import io.bulwark.pbx.defense.SecurityOverview;
import io.bulwark.pbx.defense.SecurityOverviewService;
import io.bulwark.pbx.identity.Area;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/defense/overview}: the security dashboard's figures, for monitoring tools. */
@Path("/defense/overview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Guarded(Area.SECURITY)
public class SecurityOverviewResource {

  @Inject private SecurityOverviewService overview;

  /**
   * The figures.
   *
   * @param blockedNow blocks in force, automatic ones not yet listed included
   * @param blocksPerHour blocks begun in each hour of the last 24
   * @param topSources the ten addresses behind most warnings and alerts in those hours, each with
   *     its country ("local" for private ranges, "unknown" when not known) and whether it is
   *     blocked now
   * @param topCountries the ten countries behind most warnings and alerts in those hours
   * @param failedAuthenticationsPerMinute requests refused with 403 in each minute of the last hour
   */
  public record Overview(
      int blockedNow,
      DashboardResource.Series blocksPerHour,
      List<SecurityOverview.SourceCount> topSources,
      List<SecurityOverview.CountryCount> topCountries,
      DashboardResource.Series failedAuthenticationsPerMinute) {}

  @GET
  @APIResponse(responseCode = "200", description = "The security dashboard now")
  public Overview get() {
    SecurityOverview now = overview.now();
    return new Overview(
        now.blockedNow(),
        DashboardResource.Series.of(now.blocksPerHour()),
        now.topSources(),
        now.topCountries(),
        DashboardResource.Series.of(now.failedAuthenticationsPerMinute()));
  }
}
