package io.bulwark.pbx.web.api;

import io.bulwark.pbx.event.EventLog;
import io.bulwark.pbx.event.EventLogEntry;
import io.bulwark.pbx.event.EventQuery;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/events}: the event log, newest first, filtered and paged. */
@Path("/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Guarded(Area.EVENT_LOGS)
public class EventResource {

  /** One event; times in UTC. */
  public record View(
      long id,
      Instant occurredAt,
      String type,
      String severity,
      String sourceIp,
      String identity,
      String action,
      String detail) {

    static View of(EventLogEntry e) {
      return new View(
          e.getId(),
          e.getOccurredAt(),
          e.getType().name(),
          e.getSeverity().name(),
          e.getSourceIp(),
          e.getIdentity(),
          e.getAction(),
          e.getDetail());
    }
  }

  /** A page of events and how many match in all. */
  public record Page(long total, List<View> events) {}

  @Inject private EventLog log;

  /**
   * @param from ISO 8601 instant, inclusive
   * @param to ISO 8601 instant, exclusive
   * @param types event types (repeat the parameter for several)
   * @param severities INFO, WARNING or ALERT (repeatable)
   */
  @GET
  @APIResponse(responseCode = "200", description = "A page of events, newest first")
  @APIResponse(
      responseCode = "400",
      description = "A query parameter is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Page list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("type") List<String> types,
      @QueryParam("severity") List<String> severities,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    List<FieldViolation> violations = new ArrayList<>();
    EventQuery query =
        new EventQuery(
            QueryParameters.instant("from", from, violations),
            QueryParameters.instant("to", to, violations),
            QueryParameters.constants("type", types, EventType.class, violations),
            QueryParameters.constants(
                "severity", severities, EventType.Severity.class, violations));
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    int first = offset == null ? 0 : offset;
    int size = limit == null ? 100 : limit;
    return new Page(log.count(query), log.find(query, first, size).stream().map(View::of).toList());
  }
}
