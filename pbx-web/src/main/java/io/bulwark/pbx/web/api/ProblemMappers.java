package io.bulwark.pbx.web.api;

import io.bulwark.pbx.system.ConcurrentChangeException;
import io.bulwark.pbx.system.InUseException;
import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import io.bulwark.pbx.system.UnavailableException;
import io.bulwark.pbx.web.http.ErrorTexts;
import io.bulwark.pbx.web.http.RequestBodyLimit;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Turns every failure into a problem document, never a stack trace or an HTML page. */
public final class ProblemMappers {

  private ProblemMappers() {}

  /** Refused input: 400 with the fields. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(), e.violations());
    }
  }

  /** Unknown id: 404. */
  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  /** A save over a change someone else made since: 409, naming the extension. */
  @Provider
  public static class ConcurrentChange implements ExceptionMapper<ConcurrentChangeException> {
    @Override
    public Response toResponse(ConcurrentChangeException e) {
      return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }
  }

  /** A deletion of something still in use: 409, naming what uses it. */
  @Provider
  public static class InUse implements ExceptionMapper<InUseException> {
    @Override
    public Response toResponse(InUseException e) {
      return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }
  }

  /** A change another component (Keycloak) had to make too, which it did not: 503. */
  @Provider
  public static class Unavailable implements ExceptionMapper<UnavailableException> {
    @Override
    public Response toResponse(UnavailableException e) {
      return Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
  }

  /** A body that is not the JSON we expect: 400. */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      if (causedBy(e, RequestBodyLimit.TooLargeException.class)) {
        return tooLarge();
      }
      return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON");
    }
  }

  /**
   * RESTEasy wraps failures while reading a body in a ProcessingException: 413 for a body over the
   * limit, 400 for the rest.
   */
  @Provider
  public static class UnprocessableBody implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      if (causedBy(e, RequestBodyLimit.TooLargeException.class)) {
        return tooLarge();
      }
      return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON");
    }
  }

  /**
   * Errors the JAX-RS runtime raised itself (unknown path 404, 405, 406, 415, a role's 403, an
   * unreadable body): the status with fixed words, never the runtime's own message.
   */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      if (causedBy(e, RequestBodyLimit.TooLargeException.class)) {
        return tooLarge();
      }
      if (causedBy(e, JsonbException.class) || causedBy(e, ProcessingException.class)) {
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON");
      }
      int status = e.getResponse().getStatus();
      Response.Status known = Response.Status.fromStatusCode(status);
      if (known == null || status < 400) {
        known = Response.Status.BAD_REQUEST;
      }
      return Problem.response(known, ErrorTexts.detail(known.getStatusCode()));
    }
  }

  /** Anything unexpected: 500 without internals; the log has the details. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class);

    @Override
    public Response toResponse(Throwable e) {
      if (causedBy(e, RequestBodyLimit.TooLargeException.class)) {
        return tooLarge();
      }
      // A version check, or a unique key another request took between our check and our commit.
      if (causedBy(e, OptimisticLockException.class)
          || causedBy(e, java.sql.SQLIntegrityConstraintViolationException.class)) {
        return Problem.response(
            Response.Status.CONFLICT, "Someone else changed this at the same moment; try again.");
      }
      LOG.error("Request failed", e);
      return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, ErrorTexts.detail(500));
    }
  }

  private static Response tooLarge() {
    return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, ErrorTexts.detail(413));
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
