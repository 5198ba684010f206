package io.bulwark.pbx.web.api;

import io.bulwark.pbx.cdr.CallRecordEntry;
import io.bulwark.pbx.cdr.CallRecordLog;
import io.bulwark.pbx.cdr.CallRecordQuery;
import io.bulwark.pbx.cdr.Disposition;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/cdrs}: the call log (call detail records), newest first, filtered and paged as
 * JSON, or whole as CSV ({@code Accept: text/csv}).
 */
@Path("/cdrs")
@RequestScoped
@Guarded(Area.CALL_LOGS)
public class CallRecordResource {

  /** The most rows one CSV export holds; narrow the period for more. */
  static final int MAX_EXPORT = 100_000;

  /** One call; times in UTC, answered and ended empty when the call was not answered or is up. */
  public record View(
      String id,
      String caller,
      String callerName,
      String dialled,
      String callee,
      String route,
      String trunk,
      String pin,
      Instant startedAt,
      Instant answeredAt,
      Instant endedAt,
      long billableSeconds,
      String disposition,
      String hangupSide,
      String cause) {

    static View of(CallRecordEntry c) {
      return new View(
          c.getKey(),
          c.getCaller(),
          c.getCallerName(),
          c.getDialled(),
          c.getCallee(),
          c.getRoute(),
          c.getTrunk(),
          c.getPin(),
          c.getStartedAt(),
          c.getAnsweredAt(),
          c.getEndedAt(),
          c.getBillableSeconds(),
          c.getDisposition().name(),
          c.getHangupSide() == null ? null : c.getHangupSide().name(),
          c.getCause());
    }

    List<Object> cells() {
      return java.util.Arrays.asList(
          id,
          caller,
          callerName,
          dialled,
          callee,
          route,
          trunk,
          pin,
          startedAt,
          answeredAt,
          endedAt,
          billableSeconds,
          disposition,
          hangupSide,
          cause);
    }
  }

  /** A page of call records and how many match in all. */
  public record Page(long total, List<View> records) {}

  private static final List<String> CSV_HEADER =
      List.of(
          "id",
          "caller",
          "callerName",
          "dialled",
          "callee",
          "route",
          "trunk",
          "pin",
          "startedAt",
          "answeredAt",
          "endedAt",
          "billableSeconds",
          "disposition",
          "hangupSide",
          "cause");

  @Inject private CallRecordLog log;

  /**
   * @param from ISO 8601 instant, inclusive: calls started then or later
   * @param to ISO 8601 instant, exclusive
   * @param number the caller, the callee or the number dialled
   * @param dispositions ANSWERED, NO_ANSWER, BUSY or FAILED (repeatable)
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @APIResponse(responseCode = "200", description = "A page of call records, newest first")
  @APIResponse(
      responseCode = "400",
      description = "A query parameter is wrong; errors names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Page list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("number") String number,
      @QueryParam("disposition") List<String> dispositions,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit) {
    CallRecordQuery query = query(from, to, number, dispositions);
    int first = offset == null ? 0 : offset;
    int size = limit == null ? 100 : limit;
    return new Page(log.count(query), log.find(query, first, size).stream().map(View::of).toList());
  }

  /** The same records as CSV, at most {@value #MAX_EXPORT} of them, newest first. */
  @GET
  // Below JSON for a client that accepts anything (qs), so only an Accept naming CSV gets it.
  @Produces("text/csv;qs=0.5")
  @APIResponse(responseCode = "200", description = "The matching call records as CSV")
  public Response export(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("number") String number,
      @QueryParam("disposition") List<String> dispositions) {
    CallRecordQuery query = query(from, to, number, dispositions);
    List<List<Object>> rows = new ArrayList<>();
    for (int first = 0; first < MAX_EXPORT; first += CallRecordLog.MAX_PAGE) {
      List<CallRecordEntry> page = log.find(query, first, CallRecordLog.MAX_PAGE);
      page.forEach(c -> rows.add(View.of(c).cells()));
      if (page.size() < CallRecordLog.MAX_PAGE) {
        break;
      }
    }
    return Csv.attachment("cdrs.csv", CSV_HEADER, rows);
  }

  private static CallRecordQuery query(
      String from, String to, String number, List<String> dispositions) {
    List<FieldViolation> violations = new ArrayList<>();
    CallRecordQuery query =
        new CallRecordQuery(
            QueryParameters.instant("from", from, violations),
            QueryParameters.instant("to", to, violations),
            number,
            QueryParameters.constants("disposition", dispositions, Disposition.class, violations));
    violations.addAll(query.violations());
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return query;
  }
}
