package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.officehours.Holiday;
import io.bulwark.pbx.officehours.OfficeCalendar;
import io.bulwark.pbx.officehours.OfficeCalendarDraft;
import io.bulwark.pbx.officehours.OfficeCalendarService;
import io.bulwark.pbx.officehours.WeeklyRange;
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
 * {@code /api/v1/business-hours}: the guide's Business Hours and Holidays, which outbound routes'
 * time conditions and the extensions' "Disable Outbound Calls outside Business Hours" read.
 */
@Path("/business-hours")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.CALL_CONTROL)
public class BusinessHoursResource {

  @Inject private OfficeCalendarService calendars;
  @Context private SecurityContext caller;

  /**
   * {@code timeZone}: an IANA zone such as {@code Europe/Berlin}, in which the hours are read;
   * {@code ranges}: the weekly business hours, each {@code days} ({@code MON} to {@code SUN}),
   * {@code start} and {@code end} as {@code HH:mm} (an end at or before the start runs past
   * midnight); {@code holidays}: days closed whatever the hours, each {@code name}, {@code first}
   * and {@code last} as {@code yyyy-MM-dd} (last empty for one day) and {@code yearly}; {@code
   * version} is sent back with a change.
   */
  public record BusinessHours(
      String timeZone,
      List<OfficeCalendarDraft.RangeDraft> ranges,
      List<OfficeCalendarDraft.HolidayDraft> holidays,
      Integer version) {}

  @GET
  @APIResponse(responseCode = "200", description = "The business hours and holidays")
  public BusinessHours get() {
    return view(calendars.calendar());
  }

  @PUT
  @APIResponse(responseCode = "200", description = "The business hours and holidays as changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public BusinessHours update(BusinessHours input) {
    BusinessHours body = Requests.required(input);
    return view(
        calendars.update(
            body.version(),
            new OfficeCalendarDraft(body.timeZone(), body.ranges(), body.holidays()),
            Requests.actor(caller)));
  }

  private static BusinessHours view(OfficeCalendar calendar) {
    return new BusinessHours(
        calendar.getTimeZone(),
        calendar.getRanges().stream().map(BusinessHoursResource::range).toList(),
        calendar.getHolidays().stream().map(BusinessHoursResource::holiday).toList(),
        calendar.getVersion());
  }

  private static OfficeCalendarDraft.RangeDraft range(WeeklyRange r) {
    return new OfficeCalendarDraft.RangeDraft(
        r.getDays().stream().map(d -> d.name().substring(0, 3)).toList(),
        r.getStart().toString(),
        r.getEnd().toString());
  }

  private static OfficeCalendarDraft.HolidayDraft holiday(Holiday h) {
    return new OfficeCalendarDraft.HolidayDraft(
        h.getName(), h.getFirst().toString(), h.getLast().toString(), h.isYearly());
  }
}
