package io.bulwark.pbx.web.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The error page a browser sees: the portal's colours, logo and words, a way back, and nothing
 * about the server. Plain HTML written here rather than a Faces view, so that it renders even when
 * the failure is in Faces.
 */
final class ErrorPage {

  private ErrorPage() {}

  static void write(HttpServletResponse response, int status) throws IOException {
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    String title = ErrorTexts.title(status);
    PrintWriter out = response.getWriter();
    out.print(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Bulwark PBX – %1$s</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/bulwark.css">
        </head>
        <body class="bw-error-body">
        <main class="bw-error">
        <img src="/assets/logo.svg" alt="Bulwark PBX" class="bw-error-logo" width="48" height="48">
        <p class="bw-error-status">Error %2$d</p>
        <h1>%1$s</h1>
        <p>%3$s</p>
        <p><a href="/" class="bw-error-home">Back to the dashboard</a></p>
        </main>
        </body>
        </html>
        """
            .formatted(title, status, pageDetail(status)));
  }

  private static String pageDetail(int status) {
    return switch (status) {
      case 401 -> "Your session has ended. Sign in again to continue.";
      case 403 -> "Your role does not allow this page.";
      case 404 -> "There is no page at this address.";
      default -> ErrorTexts.detail(status);
    };
  }
}
