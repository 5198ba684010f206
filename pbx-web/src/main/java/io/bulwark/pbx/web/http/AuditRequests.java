package io.bulwark.pbx.web.http;

import io.bulwark.pbx.audit.AuditBatch;
import io.bulwark.pbx.audit.AuditEntry;
import io.bulwark.pbx.audit.AuditScope;
import io.bulwark.pbx.identity.ApiClient;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Serves every request that may change something (anything but GET, HEAD and OPTIONS, from a
 * signed-in user or API client, to the portal or the API) inside an {@link AuditScope}: the changes
 * it commits are in the audit log with who asked, from where, and what. Every request of an API
 * client, reads too, is also an entry of its own with the status it was answered.
 */
@WebFilter(urlPatterns = "/*")
public class AuditRequests extends HttpFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject private Event<AuditBatch> audit;
  @Inject private Clock clock;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String user = request.getRemoteUser();
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = ClientAddress.of(request).getHostAddress();
    String asked =
        request.getMethod()
            + " "
            + request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    try {
      if (READS.contains(request.getMethod())) {
        chain.doFilter(request, response);
      } else {
        AuditScope scope = AuditScope.open(user, address, asked);
        try {
          chain.doFilter(request, response);
        } finally {
          scope.close();
        }
      }
    } finally {
      if (ApiClient.isPrincipal(user)) {
        audit.fireAsync(
            new AuditBatch(
                List.of(
                    AuditEntry.call(clock.instant(), user, address, asked, response.getStatus()))));
      }
    }
  }
}
