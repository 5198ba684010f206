package io.bulwark.pbx.web.http;

import io.bulwark.pbx.audit.AuditScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Serves every request that may change something (anything but GET, HEAD and OPTIONS, from a
 * signed-in user or API client, to the portal or the API) inside an {@link AuditScope}: the changes
 * it commits are in the audit log with who asked, from where, and what.
 */
@WebFilter(urlPatterns = "/*")
public class AuditRequests extends HttpFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (READS.contains(request.getMethod()) || request.getRemoteUser() == null) {
      chain.doFilter(request, response);
      return;
    }
    try (AuditScope scope =
        AuditScope.open(
            request.getRemoteUser(),
            ClientAddress.of(request).getHostAddress(),
            request.getMethod() + " " + request.getRequestURI())) {
      chain.doFilter(request, response);
    }
  }
}
