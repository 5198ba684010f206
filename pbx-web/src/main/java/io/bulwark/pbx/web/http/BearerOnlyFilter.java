package io.bulwark.pbx.web.http;

import io.bulwark.pbx.web.api.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API takes bearer tokens only. The portal and the API share one deployment, so the login
 * mechanism also accepts the portal's session cookie on an API call; a browser sends that cookie
 * with any cross-site form, so without this filter a page elsewhere could act with an admin's
 * session. A bearer token never travels by itself: a script must set it.
 */
@WebFilter(ApiPaths.PREFIX + "*")
public class BearerOnlyFilter extends HttpFilter {

  static final String CHALLENGE = "Bearer realm=\"bulwark\"";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", CHALLENGE);
    Problem.write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorTexts.detail(401));
  }
}
