package io.bulwark.pbx.web.api;

import io.bulwark.pbx.activity.ActivityService;
import io.bulwark.pbx.activity.RecentActivity;
import io.bulwark.pbx.identity.Area;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/dashboard}: what the portal's dashboard charts, for monitoring tools. */
@Path("/dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Guarded(Area.SECURITY)
public class DashboardResource {

  /**
   * Counts over consecutive periods, oldest first; the last period is still running.
   *
   * @param start when the first period began (UTC)
   * @param stepSeconds the length of each period
   */
  public record Series(Instant start, long stepSeconds, List<Long> counts) {

    static Series of(io.bulwark.pbx.activity.Series series) {
      return new Series(series.start(), series.step().toSeconds(), series.counts());
    }
  }

  /**
   * The dashboard's figures.
   *
   * @param registrationsPerMinute REGISTERs answered 200 OK in each minute of the last hour (new
   *     bindings, refreshes and removals); counted in memory since the server started
   * @param failedAuthenticationsPerMinute REGISTERs refused with 403 in each minute of the last
   *     hour
   * @param securityEventsPerHour event log entries in each hour of the last 24, by severity (INFO,
   *     WARNING, ALERT)
   */
  public record Activity(
      Series registrationsPerMinute,
      Series failedAuthenticationsPerMinute,
      Map<String, Series> securityEventsPerHour) {}

  @Inject private ActivityService activity;

  @GET
  @Path("/activity")
  @APIResponse(
      responseCode = "200",
      description =
          "Registrations and failed authentications per minute for the last hour, security"
              + " events per hour and severity for the last 24 hours")
  public Activity activity() {
    RecentActivity recent = activity.recent();
    Map<String, Series> perHour = new LinkedHashMap<>();
    recent
        .securityEventsPerHour()
        .forEach((severity, s) -> perHour.put(severity.name(), Series.of(s)));
    return new Activity(
        Series.of(recent.registrationsPerMinute()),
        Series.of(recent.failedAuthenticationsPerMinute()),
        perHour);
  }
}
