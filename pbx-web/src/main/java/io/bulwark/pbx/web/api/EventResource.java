package io.bulwark.pbx.web.api;

import io.bulwark.pbx.event.EventLog;
import io.bulwark.pbx.event.EventLogEntry;
import io.bulwark.pbx.event.EventQuery;
import io.bulwark.pbx.event.EventType;
import io.bulwark.pbx.event.SecurityLog;
import io.bulwark.pbx.event.SecurityLogVerifier;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.UnavailableException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/events}: the event log, newest first, filtered and paged, as JSON or CSV; marking
 * events read; and the check of the tamper-evident security log.
 */
@Path("/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Guarded(Area.EVENT_LOGS)
public class EventResource {

  static final int MAX_EXPORT = 100_000;
  private static final List<String> CSV_HEADER =
      List.of("time", "level", "event", "source_ip", "identity", "action", "detail", "read");

  /** One event; times in UTC. */
  public record View(
      long id,
      Instant occurredAt,
      String type,
      String severity,
      String sourceIp,
      String identity,
      String action,
      String detail,
      boolean read) {

    static View of(EventLogEntry e) {
      return new View(
          e.getId(),
          e.getOccurredAt(),
          e.getType().name(),
          e.getSeverity().name(),
          e.getSourceIp(),
          e.getIdentity(),
          e.getAction(),
          e.getDetail(),
          e.isRead());
    }

    List<Object> cells() {
      return List.of(
          occurredAt.toString(),
          severity,
          type,
          sourceIp == null ? "" : sourceIp,
          identity == null ? "" : identity,
          action,
          detail == null ? "" : detail,
          read);
    }
  }

  /** A page of events and how many match in all. */
  public record Page(long total, List<View> events) {}

  /** Either {@code ids} or {@code all: true}. */
  public record ReadInput(List<Long> ids, Boolean all) {}

  /**
   * The answer of the security log check.
   *
   * @param linked lines whose links were checked
   * @param unlinked lines written before the chain began
   * @param brokenFile, brokenLine, reason where the chain first breaks, when it does
   */
  public record Verification(
      boolean intact,
      String summary,
      int files,
      long linked,
      long unlinked,
      String brokenFile,
      Long brokenLine,
      String reason) {

    static Verification of(SecurityLogVerifier.Result r) {
      SecurityLogVerifier.Break b = r.firstBreak();
      return new Verification(
          r.intact(),
          r.summary(),
          r.files(),
          r.linked(),
          r.unlinked(),
          b == null ? null : b.file(),
          b == null ? null : b.line(),
          b == null ? null : b.reason());
    }
  }

  @Inject private EventLog log;
  @Inject private SecurityLog securityLog;
  @Context private SecurityContext security;

  /**
   * @param from ISO 8601 instant, inclusive
   * @param to ISO 8601 instant, exclusive
   * @param types event types (repeat the parameter for several)
   * @param severities INFO, WARNING or ALERT (repeatable)
   * @param read true for read events only, false for unread only
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
      @QueryParam("read") String read,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    EventQuery query = query(from, to, types, severities, read);
    int first = offset == null ? 0 : offset;
    int size = limit == null ? 100 : limit;
    return new Page(log.count(query), log.find(query, first, size).stream().map(View::of).toList());
  }

  /** The same filters as the list; at most 100,000 events, newest first. */
  @GET
  @Produces("text/csv;qs=0.5")
  @APIResponse(responseCode = "200", description = "The matching events as CSV")
  public Response export(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("type") List<String> types,
      @QueryParam("severity") List<String> severities,
      @QueryParam("read") String read) {
    EventQuery query = query(from, to, types, severities, read);
    List<List<Object>> rows = new ArrayList<>();
    for (int first = 0; first < MAX_EXPORT; first += EventLog.MAX_PAGE) {
      List<EventLogEntry> page = log.find(query, first, EventLog.MAX_PAGE);
      page.forEach(e -> rows.add(View.of(e).cells()));
      if (page.size() < EventLog.MAX_PAGE) {
        break;
      }
    }
    return Csv.attachment("events.csv", CSV_HEADER, rows);
  }

  @POST
  @Path("/read")
  @Consumes(MediaType.APPLICATION_JSON)
  @APIResponse(responseCode = "200", description = "marked: how many were unread")
  @APIResponse(
      responseCode = "400",
      description = "Neither ids nor all, or too many ids",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Map<String, Integer> markRead(ReadInput input) {
    ReadInput body = Requests.required(input);
    if (Boolean.TRUE.equals(body.all())) {
      return Map.of("marked", log.markAllRead());
    }
    if (body.ids() == null || body.ids().isEmpty() || body.ids().contains(null)) {
      throw new InvalidInputException("ids", "Give the ids of the events to mark, or all: true");
    }
    return Map.of("marked", log.markRead(body.ids()));
  }

  @POST
  @Path("/security-log/verification")
  @APIResponse(
      responseCode = "200",
      description =
          "Whether every line of the security log is as written; where not, the first"
              + " line that is not")
  @APIResponse(
      responseCode = "503",
      description = "The log cannot be read",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Verification verify() {
    try {
      return Verification.of(securityLog.check(Requests.actor(security)));
    } catch (IOException e) {
      throw new UnavailableException("The security log cannot be read");
    }
  }

  private static EventQuery query(
      String from, String to, List<String> types, List<String> severities, String read) {
    List<FieldViolation> violations = new ArrayList<>();
    EventQuery query =
        new EventQuery(
            QueryParameters.instant("from", from, violations),
            QueryParameters.instant("to", to, violations),
            QueryParameters.constants("type", types, EventType.class, violations),
            QueryParameters.constants("severity", severities, EventType.Severity.class, violations),
            readFilter(read, violations));
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return query;
  }

  private static Boolean readFilter(String read, List<FieldViolation> violations) {
    if (read == null || read.isBlank()) {
      return null;
    }
    return switch (read.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        violations.add(new FieldViolation("read", "true for read events, false for unread"));
        yield null;
      }
    };
  }
}
