package io.bulwark.pbx.web.http;

import io.bulwark.pbx.web.api.Problem;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * The one place error statuses are rendered, whoever raised them (the login mechanism, the
 * container, the Faces or the REST runtime): a problem document for the API, a page in the portal's
 * style for a browser. Neither ever shows the exception, a class name or a version.
 */
@WebServlet(ErrorServlet.PATH)
public class ErrorServlet extends HttpServlet {

  static final String PATH = "/error";
  private static final Logger LOG = Logger.getLogger(ErrorServlet.class);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int status = statusOf(request);
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure instanceof Throwable thrown && isViewExpired(thrown)) {
      // A form posted after its view was dropped: load the page again, saying why.
      response.sendRedirect(requestUri(request) + "?expired=1");
      return;
    }
    if (failure instanceof Throwable thrown) {
      LOG.errorf(thrown, "%s %s failed", request.getMethod(), requestUri(request));
    }
    response.resetBuffer();
    response.setStatus(status);
    if (ApiPaths.isApi(requestUri(request), request.getContextPath())) {
      if (status == HttpServletResponse.SC_UNAUTHORIZED) {
        response.setHeader("WWW-Authenticate", BearerOnlyFilter.CHALLENGE);
      }
      Problem.write(response, status, ErrorTexts.detail(status));
    } else {
      ErrorPage.write(response, status);
    }
  }

  private static boolean isViewExpired(Throwable thrown) {
    for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  private static int statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 500;
    return status >= 400 && status <= 599 ? status : 500;
  }

  private static String requestUri(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri instanceof String text ? text : request.getRequestURI();
  }
}
