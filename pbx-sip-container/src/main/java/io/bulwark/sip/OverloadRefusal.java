package io.bulwark.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code 503 Service Unavailable} with Retry-After that refuses new work at the socket, built
 * from the request's own header lines without parsing it.
 *
 * <p>Why at the socket: when the SIP threads fall behind, a request that is only dropped comes back
 * again and again (a client retransmits a UDP request up to ten times in 32 s), so the load grows
 * with the overload and the share of work completed falls. A 503 ends the client's transaction at
 * once and tells it when to come back. Only new work is refused this way, a request that carries no
 * credentials: an authenticated REGISTER finishes a registration whose challenge was already paid
 * for, and is kept. ACK and CANCEL are never answered with a 503, responses never.
 */
final class OverloadRefusal {

  static final int RETRY_AFTER_SECONDS = 5;

  /** One tag for every refusal: a 503 starts no dialog, and the tag only has to be there. */
  private static final String TO_TAG = Long.toHexString(ThreadLocalRandom.current().nextLong());

  private OverloadRefusal() {}

  /**
   * The response to {@code datagram[0..length)}, or {@code null} when the datagram is not a request
   * that may be refused this way: a response, an ACK or CANCEL, a request with credentials, or one
   * without the header lines an answer needs (that one is left to the parser, which drops it).
   */
  static byte[] of(byte[] datagram, int length) {
    String text = new String(datagram, 0, length, StandardCharsets.ISO_8859_1);
    int lineEnd = text.indexOf('\n');
    if (lineEnd < 0 || text.startsWith("SIP/")) {
      return null;
    }
    String method = text.substring(0, Math.max(0, text.indexOf(' ')));
    if (method.isEmpty() || method.equals("ACK") || method.equals("CANCEL")) {
      return null;
    }
    StringBuilder vias = new StringBuilder();
    String from = null;
    String to = null;
    String callId = null;
    String cseq = null;
    int at = lineEnd + 1;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      String line = text.substring(at, end < 0 ? text.length() : end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        break;
      }
      if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        return null; // a folded header: the parser's business
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      switch (line.substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
        case "authorization", "proxy-authorization" -> {
          return null;
        }
        case "via", "v" -> vias.append(line).append("\r\n");
        case "from", "f" -> from = from == null ? line : "";
        case "to", "t" -> to = to == null ? line : "";
        case "call-id", "i" -> callId = callId == null ? line : "";
        case "cseq" -> cseq = cseq == null ? line : "";
        default -> {
          // not needed for the answer
        }
      }
      if (end < 0) {
        break;
      }
      at = end + 1;
    }
    if (vias.length() == 0
        || isMissing(from)
        || isMissing(to)
        || isMissing(callId)
        || isMissing(cseq)) {
      return null; // missing, or given twice: the parser answers that with a 400
    }
    if (!to.toLowerCase(Locale.ROOT).contains(";tag=")) {
      to = to + ";tag=" + TO_TAG;
    }
    String response =
        "SIP/2.0 503 Service Unavailable\r\n"
            + vias
            + from
            + "\r\n"
            + to
            + "\r\n"
            + callId
            + "\r\n"
            + cseq
            + "\r\nRetry-After: "
            + RETRY_AFTER_SECONDS
            + "\r\nContent-Length: 0\r\n\r\n";
    return response.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean isMissing(String line) {
    return line == null || line.isEmpty();
  }
}
