package io.bulwark.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A single pass over the raw header section of a message, before it is parsed: how many header
 * fields it has, whether a field that may appear once appears more often (the RI would keep one of
 * them silently), whether Content-Length values contradict each other, and whether a request line
 * has other than the single spaces of RFC 3261 section 25.1 between its three parts (the RI accepts
 * any run of whitespace).
 */
record HeaderCensus(
    boolean response,
    int fields,
    boolean duplicated,
    boolean conflictingLength,
    boolean badRequestLine,
    boolean otherVersion) {

  static HeaderCensus of(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && (bytes[i] & 0xff) < 0x20) {
      i++;
    }
    boolean response = startsWith(bytes, i, "SIP/");
    int fields = 0;
    int callIds = 0;
    int froms = 0;
    int tos = 0;
    int cseqs = 0;
    int maxForwards = 0;
    String length = null;
    boolean conflictingLength = false;
    boolean firstLine = true;
    boolean badRequestLine = false;
    boolean otherVersion = false;
    while (i < bytes.length) {
      int end = i;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      if (end == i) {
        break; // the empty line before the body
      }
      if (firstLine && !response) {
        String[] parts = new String(bytes, i, end - i, StandardCharsets.ISO_8859_1).split(" ", -1);
        badRequestLine = parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty();
        otherVersion = !parts[parts.length - 1].trim().equalsIgnoreCase("SIP/2.0");
      }
      if (!firstLine && bytes[i] != ' ' && bytes[i] != '\t') {
        fields++;
        int colon = i;
        while (colon < end && bytes[colon] != ':') {
          colon++;
        }
        String name =
            new String(bytes, i, colon - i, StandardCharsets.ISO_8859_1)
                .trim()
                .toLowerCase(Locale.ROOT);
        switch (name) {
          case "call-id", "i" -> callIds++;
          case "from", "f" -> froms++;
          case "to", "t" -> tos++;
          case "cseq" -> cseqs++;
          case "max-forwards" -> maxForwards++;
          case "content-length", "l" -> {
            String value =
                colon < end
                    ? new String(bytes, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1)
                        .trim()
                    : "";
            conflictingLength |= length != null && !length.equals(value);
            length = value;
          }
          default -> {}
        }
      }
      firstLine = false;
      i = end < bytes.length && bytes[end] == '\r' ? end + 1 : end;
      i = i < bytes.length && bytes[i] == '\n' ? i + 1 : i;
    }
    boolean duplicated = callIds > 1 || froms > 1 || tos > 1 || cseqs > 1 || maxForwards > 1;
    return new HeaderCensus(
        response, fields, duplicated, conflictingLength, badRequestLine, otherVersion);
  }

  private static boolean startsWith(byte[] bytes, int from, String prefix) {
    if (bytes.length - from < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (bytes[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
