package io.bulwark.sip;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code 503 Service Unavailable} with Retry-After that refuses new work above capacity, built
 * from the request's own header lines without parsing it, and the test of what new work is.
 *
 * <p>Why a 503 and not a drop: when the SIP threads fall behind, a request that is only dropped
 * comes back again and again (a client retransmits a UDP request up to ten times in 32 s), so the
 * load grows with the overload and the share of work completed falls. A 503 ends the client's
 * transaction at once and tells it when to come back. Only new work is refused this way, a request
 * that carries no credentials: an authenticated REGISTER finishes a registration whose challenge
 * was already paid for, and is kept, as is a request inside a dialog. ACK and CANCEL are never
 * answered with a 503, responses never.
 */
final class OverloadRefusal {

  static final int RETRY_AFTER_SECONDS = 5;

  /** One tag for every refusal: a 503 starts no dialog, and the tag only has to be there. */
  private static final String TO_TAG = Long.toHexString(ThreadLocalRandom.current().nextLong());

  /** A header line that a request carries twice. */
  private static final int[] DUPLICATE = new int[0];

  private static final byte[] STATUS_LINE = ascii("SIP/2.0 503 Service Unavailable\r\n");
  private static final byte[] TAG = ascii(";tag=" + TO_TAG);
  private static final byte[] END =
      ascii("Retry-After: " + RETRY_AFTER_SECONDS + "\r\nContent-Length: 0\r\n\r\n");
  private static final int RESPONSE_TEXT = STATUS_LINE.length + TAG.length + END.length;

  private OverloadRefusal() {}

  /**
   * Whether {@code datagram[0..length)} brings new work: a request other than ACK and CANCEL,
   * outside a dialog (no To tag) and without credentials. Everything else finishes work under way.
   * Read from the raw bytes, as it is asked of every datagram on the socket's thread.
   */
  static boolean bringsNewWork(byte[] datagram, int length) {
    if (startsWith(datagram, length, "SIP/")
        || startsWith(datagram, length, "ACK ")
        || startsWith(datagram, length, "CANCEL ")) {
      return false;
    }
    int line = lineAfter(datagram, length, 0);
    while (line < length && datagram[line] != '\r' && datagram[line] != '\n') {
      int next = lineAfter(datagram, length, line);
      if (isHeader(datagram, line, next, "authorization")
          || isHeader(datagram, line, next, "proxy-authorization")
          || (isHeader(datagram, line, next, "to") || isHeader(datagram, line, next, "t"))
              && containsTag(datagram, line, next)) {
        return false;
      }
      line = next;
    }
    return true;
  }

  /**
   * The response to {@code datagram[0..length)}, or {@code null} when the datagram is not a request
   * that may be refused this way: one that does not bring new work ({@link #bringsNewWork}), or one
   * without the header lines an answer needs (that one is left to the parser, which drops it).
   */
  static byte[] of(byte[] datagram, int length) {
    int firstLineEnd = lineAfter(datagram, length, 0);
    if (firstLineEnd == length
        || indexOf(datagram, 0, firstLineEnd, ' ') <= 0
        || !bringsNewWork(datagram, length)) {
      return null;
    }
    int[] vias = new int[16]; // start and end of each Via line
    int viaCount = 0;
    int[] from = null;
    int[] to = null;
    int[] callId = null;
    int[] cseq = null;
    int at = firstLineEnd;
    while (at < length) {
      int next = lineAfter(datagram, length, at);
      int end = contentEnd(datagram, at, next);
      if (end == at) {
        break;
      }
      if (datagram[at] == ' ' || datagram[at] == '\t' || indexOf(datagram, at, end, ':') <= at) {
        return null; // folded or not a header: the parser's business
      }
      if (isHeader(datagram, at, end, "via") || isHeader(datagram, at, end, "v")) {
        if (viaCount == vias.length) {
          return null;
        }
        vias[viaCount++] = at;
        vias[viaCount++] = end;
      } else if (isHeader(datagram, at, end, "from") || isHeader(datagram, at, end, "f")) {
        from = from == null ? new int[] {at, end} : DUPLICATE;
      } else if (isHeader(datagram, at, end, "to") || isHeader(datagram, at, end, "t")) {
        to = to == null ? new int[] {at, end} : DUPLICATE;
      } else if (isHeader(datagram, at, end, "call-id") || isHeader(datagram, at, end, "i")) {
        callId = callId == null ? new int[] {at, end} : DUPLICATE;
      } else if (isHeader(datagram, at, end, "cseq")) {
        cseq = cseq == null ? new int[] {at, end} : DUPLICATE;
      }
      at = next;
    }
    if (viaCount == 0 || isMissing(from) || isMissing(to) || isMissing(callId) || isMissing(cseq)) {
      return null; // missing, or given twice: the parser answers that with a 400
    }
    int size = RESPONSE_TEXT + span(from) + span(to) + span(callId) + span(cseq);
    for (int i = 0; i < viaCount; i += 2) {
      size += vias[i + 1] - vias[i] + 2;
    }
    Response response = new Response(size);
    response.append(STATUS_LINE);
    for (int i = 0; i < viaCount; i += 2) {
      response.line(datagram, vias[i], vias[i + 1]);
    }
    response.line(datagram, from[0], from[1]);
    response.append(datagram, to[0], to[1]).line(TAG);
    response.line(datagram, callId[0], callId[1]);
    response.line(datagram, cseq[0], cseq[1]);
    return response.append(END).bytes();
  }

  /** The 503's bytes, written once into an array as long as the request plus the fixed text. */
  private static final class Response {
    private final byte[] bytes;
    private int size;

    Response(int capacity) {
      bytes = new byte[capacity];
    }

    Response append(byte[] source) {
      return append(source, 0, source.length);
    }

    Response append(byte[] source, int from, int to) {
      System.arraycopy(source, from, bytes, size, to - from);
      size += to - from;
      return this;
    }

    Response line(byte[] source) {
      return line(source, 0, source.length);
    }

    Response line(byte[] source, int from, int to) {
      append(source, from, to);
      bytes[size++] = '\r';
      bytes[size++] = '\n';
      return this;
    }

    byte[] bytes() {
      return bytes;
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Where the line {@code datagram[from..next)} ends without its CR LF. */
  private static int contentEnd(byte[] datagram, int from, int next) {
    int end = next;
    if (end > from && datagram[end - 1] == '\n') {
      end--;
    }
    if (end > from && datagram[end - 1] == '\r') {
      end--;
    }
    return end;
  }

  private static int indexOf(byte[] datagram, int from, int to, char wanted) {
    for (int i = from; i < to; i++) {
      if (datagram[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] datagram, int length, String prefix) {
    if (length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (datagram[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Where the line after the one at {@code from} starts, or {@code length}. */
  private static int lineAfter(byte[] datagram, int length, int from) {
    for (int i = from; i < length; i++) {
      if (datagram[i] == '\n') {
        return i + 1;
      }
    }
    return length;
  }

  /** Whether the line {@code datagram[from..to)} is a header named {@code lowerCaseName}. */
  private static boolean isHeader(byte[] datagram, int from, int to, String lowerCaseName) {
    int at = from;
    for (int i = 0; i < lowerCaseName.length(); i++, at++) {
      if (at >= to || (datagram[at] | 0x20) != lowerCaseName.charAt(i)) {
        return false;
      }
    }
    while (at < to && (datagram[at] == ' ' || datagram[at] == '\t')) {
      at++;
    }
    return at < to && datagram[at] == ':';
  }

  private static boolean containsTag(byte[] datagram, int from, int to) {
    String tag = ";tag=";
    for (int start = from; start + tag.length() <= to; start++) {
      int i = 0;
      while (i < tag.length() && (datagram[start + i] | 0x20) == (tag.charAt(i) | 0x20)) {
        i++;
      }
      if (i == tag.length()) {
        return true;
      }
    }
    return false;
  }

  /** The bytes a line takes in the answer, with its CR LF. */
  private static int span(int[] line) {
    return line[1] - line[0] + 2;
  }

  private static boolean isMissing(int[] line) {
    return line == null || line == DUPLICATE;
  }
}
