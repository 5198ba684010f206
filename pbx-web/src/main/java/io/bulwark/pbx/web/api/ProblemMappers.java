package io.bulwark.pbx.web.api;

import io.bulwark.pbx.system.InvalidInputException;
import io.bulwark.pbx.system.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
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

  /** A body that is not the JSON we expect: 400. */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON");
    }
  }

  /** RESTEasy wraps JSON-B failures while reading a body in a ProcessingException: 400 as well. */
  @Provider
  public static class UnprocessableBody implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON");
    }
  }

  /** Errors the JAX-RS runtime raised itself (404 path, 405, 415, 403 role, bad JSON...). */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e.getCause() instanceof JsonbException || e.getCause() instanceof ProcessingException) {
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON");
      }
      Response.Status known = Response.Status.fromStatusCode(status);
      return Problem.response(
          known == null ? Response.Status.BAD_REQUEST : known,
          known == Response.Status.FORBIDDEN
              ? "Your role does not allow this operation"
              : e.getMessage());
    }
  }

  /** Anything unexpected: 500 without internals; the log has the details. */
  @Provider
  public static class Unexpected implements ExceptionMapper<EJBException> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class);

    @Override
    public Response toResponse(EJBException e) {
      LOG.error("Request failed", e);
      return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error");
    }
  }
}
