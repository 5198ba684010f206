package io.bulwark.pbx.web.http;

import io.bulwark.pbx.web.api.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * API request bodies are at most {@link #MAX_BYTES}: a declared larger body is answered 413 before
 * a byte of it is handled, and a chunked one fails with {@link TooLargeException} once it passes
 * the limit, which the API answers 413 as well. The connection stays open: the server reads past
 * the refused body, so that a client that sends all of it before reading gets the answer too. The
 * listener's own limit (10 MiB) stays as the last bound for everything else.
 */
@WebFilter(ApiPaths.PREFIX + "*")
public class RequestBodyLimit extends HttpFilter {

  /** Far above any API document (an extension is under 1 KiB), far below what hurts the heap. */
  public static final int MAX_BYTES = 64 * 1024;

  /** Thrown when a body without a declared length grows past the limit. */
  public static final class TooLargeException extends IOException {
    TooLargeException() {
      super("request body over " + MAX_BYTES + " bytes");
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      Problem.write(
          response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ErrorTexts.detail(413));
      return;
    }
    chain.doFilter(new Bounded(request), response);
  }

  private static final class Bounded extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    Bounded(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream());
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private long read;

    CountingStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLargeException {
      read += n;
      if (read > MAX_BYTES) {
        throw new TooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
