package io.bulwark.sip.tcp;

import io.bulwark.sip.WireLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The input of one TCP connection, followed just far enough to see where each message ends (headers
 * up to the empty line, then Content-Length bytes), so that the socket's read timeout can be set
 * before every read to what is left of the current deadline: the idle timeout between messages, the
 * message timeout within one. A read that times out, and a message past {@link WireLimits}, end the
 * connection: the RI's channel closes it on any I/O error. Bytes past a limit are not handed to the
 * stack, so its parser never buffers them.
 */
final class DeadlineInputStream extends FilterInputStream {

  private static final Logger LOG = Logger.getLogger(DeadlineInputStream.class);

  /** Enough of a header line to recognise Content-Length and read its value. */
  private static final int LINE_PREFIX = 40;

  private enum State {
    BETWEEN,
    HEADERS,
    BODY
  }

  private final Socket socket;
  private final long idleNanos;
  private final long messageNanos;
  private State state = State.BETWEEN;
  private long lastCompleteAt = System.nanoTime();
  private long messageStartedAt;
  private int messageBytes;
  private int headerFields;
  private long bodyLeft;
  private long contentLength;
  private final byte[] line = new byte[LINE_PREFIX];
  private int lineLength;

  DeadlineInputStream(InputStream in, Socket socket, TcpLimits limits) {
    super(in);
    this.socket = socket;
    this.idleNanos = limits.idleTimeout().toNanos();
    this.messageNanos = limits.messageTimeout().toNanos();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    long left =
        state == State.BETWEEN
            ? lastCompleteAt + idleNanos - System.nanoTime()
            : messageStartedAt + messageNanos - System.nanoTime();
    if (left <= 0) {
      throw timedOut();
    }
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
    int n;
    try {
      n = in.read(buffer, offset, length);
    } catch (SocketTimeoutException e) {
      throw timedOut();
    }
    for (int k = 0; k < n; k++) {
      follow(buffer[offset + k]);
    }
    return n;
  }

  private void follow(byte b) throws IOException {
    long now = System.nanoTime();
    switch (state) {
      case BETWEEN -> {
        if (b == '\r' || b == '\n') {
          lastCompleteAt = now; // CRLF keep-alive (RFC 5626)
          return;
        }
        state = State.HEADERS;
        messageStartedAt = now;
        messageBytes = 0;
        headerFields = 0;
        contentLength = 0;
        lineLength = 0;
        count();
        take(b);
      }
      case HEADERS -> {
        count();
        if (b == '\n') {
          endOfLine(now);
        } else {
          take(b);
        }
      }
      case BODY -> {
        count();
        if (--bodyLeft == 0) {
          complete(now);
        }
      }
    }
  }

  private void take(byte b) {
    if (b != '\r' && lineLength < LINE_PREFIX) {
      line[lineLength] = b;
    }
    if (b != '\r') {
      lineLength++;
    }
  }

  private void endOfLine(long now) throws IOException {
    if (lineLength == 0) {
      if (contentLength > WireLimits.MAX_MESSAGE_BYTES) {
        throw refused("a Content-Length of " + contentLength);
      }
      if (contentLength > 0) {
        bodyLeft = contentLength;
        state = State.BODY;
      } else {
        complete(now);
      }
      return;
    }
    if (line[0] != ' ' && line[0] != '\t' && ++headerFields > WireLimits.MAX_HEADER_FIELDS + 1) {
      throw refused("more than " + WireLimits.MAX_HEADER_FIELDS + " header fields");
    }
    String text =
        new String(line, 0, Math.min(lineLength, LINE_PREFIX), StandardCharsets.ISO_8859_1);
    int colon = text.indexOf(':');
    if (colon > 0) {
      String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      if (name.equals("content-length") || name.equals("l")) {
        contentLength = parseLength(text.substring(colon + 1).trim());
      }
    }
    lineLength = 0;
  }

  /** The stack refuses a malformed value itself; here it only must not stall the framing. */
  private static long parseLength(String value) {
    if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(Character::isDigit)) {
      return 0;
    }
    return Long.parseLong(value);
  }

  private void count() throws IOException {
    if (++messageBytes > WireLimits.MAX_MESSAGE_BYTES) {
      throw refused("a message over " + WireLimits.MAX_MESSAGE_BYTES + " bytes");
    }
  }

  private void complete(long now) {
    state = State.BETWEEN;
    lastCompleteAt = now;
  }

  private IOException timedOut() {
    String what = state == State.BETWEEN ? "idle" : "slow to send a message";
    LOG.debugf("Closing TCP connection from %s: %s", socket.getInetAddress(), what);
    return new SocketTimeoutException(what);
  }

  private IOException refused(String what) {
    LOG.debugf("Closing TCP connection from %s: %s", socket.getInetAddress(), what);
    return new IOException("refused: " + what);
  }
}
