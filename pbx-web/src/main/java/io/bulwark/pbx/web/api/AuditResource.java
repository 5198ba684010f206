package io.bulwark.pbx.web.api;

import io.bulwark.pbx.audit.AuditEntry;
import io.bulwark.pbx.audit.AuditLog;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/audit}: the audit log, newest first: every change an administrator or API client
 * made, once it committed, with the changed fields before and after (secrets only as changed).
 */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Guarded(Area.EVENT_LOGS)
public class AuditResource {

  /**
   * One change of one record; {@code changes} maps each changed field to {@code [before, after]}.
   */
  public record View(
      long id,
      Instant occurredAt,
      String actor,
      String sourceIp,
      String request,
      String action,
      String entity,
      String entityId,
      JsonObject changes) {

    static View of(AuditEntry e) {
      try (JsonReader reader = Json.createReader(new StringReader(e.getChanges()))) {
        return new View(
            e.getId(),
            e.getOccurredAt(),
            e.getActor(),
            e.getSourceIp(),
            e.getRequest(),
            e.getAction(),
            e.getEntity(),
            e.getEntityId(),
            reader.readObject());
      }
    }
  }

  /** A page of entries and how many match in all. */
  public record Page(long total, List<View> entries) {}

  @Inject private AuditLog log;

  /**
   * @param from ISO 8601 instant, inclusive
   * @param to ISO 8601 instant, exclusive
   * @param actor who made the changes
   * @param entity the kind of record: {@code Trunk}, {@code Extension}, ...
   */
  @GET
  @APIResponse(responseCode = "200", description = "A page of entries, newest first")
  @APIResponse(
      responseCode = "400",
      description = "A query parameter is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Page list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("actor") String actor,
      @QueryParam("entity") String entity,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    List<FieldViolation> violations = new ArrayList<>();
    AuditLog.Query query =
        new AuditLog.Query(
            QueryParameters.instant("from", from, violations),
            QueryParameters.instant("to", to, violations),
            actor,
            entity);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    int first = offset == null ? 0 : offset;
    int size = limit == null ? 100 : limit;
    return new Page(log.count(query), log.find(query, first, size).stream().map(View::of).toList());
  }
}
