package io.bulwark.pbx.web.http;

import io.bulwark.pbx.onboarding.PhoneProvisioning;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /provisioning/<token>}: the phone app's configuration behind a one-time address the
 * user portal issued, without a sign-in (the app fetches it itself), once. Anything else is the
 * same plain 404, so a guess learns nothing; the source gate in front still stops blocked
 * addresses.
 */
@WebServlet("/provisioning/*")
public class ProvisioningServlet extends HttpServlet {

  @Inject private PhoneProvisioning provisioning;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String token = path == null ? null : path.substring(1);
    InetAddress source = ClientAddress.of(request);
    Optional<String> config =
        token == null || !token.matches("[A-Za-z0-9_-]{20,100}")
            ? Optional.empty()
            : provisioning.fetch(token, source == null ? null : source.getHostAddress());
    response.setHeader("Cache-Control", "no-store");
    if (config.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType("text/plain;charset=UTF-8");
      response.getOutputStream().write("Not found\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] body = config.get().getBytes(StandardCharsets.UTF_8);
    response.setContentType("application/xml;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
