package io.bulwark.pbx.web.api;

import io.bulwark.pbx.event.EventLog;
import io.bulwark.pbx.event.EventLogEntry;
import io.bulwark.pbx.event.EventQuery;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code /api/v1/events}: the event log, newest first, filtered and paged. */
@Path("/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPER_ADMINISTRATOR, Roles.ADMINISTRATOR})
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
            instant("from", from, violations),
            instant("to", to, violations),
            constants("type", types, EventType.class, violations),
            constants("severity", severities, EventType.Severity.class, violations));
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    int first = offset == null ? 0 : offset;
    int size = limit == null ? 100 : limit;
    return new Page(log.count(query), log.find(query, first, size).stream().map(View::of).toList());
  }

  private static Instant instant(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(
          new FieldViolation(
              field, field + " must be an ISO 8601 instant such as 2026-11-30T08:00:00Z"));
      return null;
    }
  }

  private static <E extends Enum<E>> Set<E> constants(
      String field, List<String> names, Class<E> type, List<FieldViolation> violations) {
    Set<E> chosen = EnumSet.noneOf(type);
    for (String name : names == null ? List.<String>of() : names) {
      try {
        chosen.add(Enum.valueOf(type, name.strip().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation(field, "Unknown " + field + ": " + clip(name)));
      }
    }
    return chosen;
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
