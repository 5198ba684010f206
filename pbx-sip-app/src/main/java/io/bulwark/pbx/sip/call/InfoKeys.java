package io.bulwark.pbx.sip.call;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/**
 * The key a SIP INFO carries: {@code application/dtmf-relay} ({@code Signal=5}, the common form
 * phones send) or {@code application/dtmf} (the key alone). Signal 10 and 11 are * and #, as some
 * phones write them.
 */
final class InfoKeys {

  private static final Pattern SIGNAL = Pattern.compile("(?im)^\\s*Signal\\s*=\\s*(\\S+)");

  private InfoKeys() {}

  /** The keys in the INFO, empty when it carries none. */
  static String of(Message info) {
    ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
    byte[] raw = info.getRawContent();
    if (type == null || raw == null || !"application".equalsIgnoreCase(type.getContentType())) {
      return "";
    }
    String body = new String(raw, StandardCharsets.US_ASCII).strip();
    String subtype = type.getContentSubType().toLowerCase(Locale.ROOT);
    String signal;
    if ("dtmf-relay".equals(subtype)) {
      Matcher m = SIGNAL.matcher(body);
      if (!m.find()) {
        return "";
      }
      signal = m.group(1);
    } else if ("dtmf".equals(subtype)) {
      signal = body;
    } else {
      return "";
    }
    return switch (signal) {
      case "10" -> "*";
      case "11" -> "#";
      default ->
          signal.length() == 1 && "0123456789*#".indexOf(signal.charAt(0)) >= 0 ? signal : "";
    };
  }
}
