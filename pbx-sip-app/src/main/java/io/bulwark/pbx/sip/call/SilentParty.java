package io.bulwark.pbx.sip.call;

import java.nio.charset.StandardCharsets;

/**
 * The answer of a party that sends nothing: what Bulwark gives the relay for the callee's side
 * while it prompts the caller itself. It takes the relay's offer as it is (its codecs, telephone-
 * event among them, which the relay reports keys of only when both sides have it), its media
 * pointed at the loopback discard port, where what the caller says meanwhile is dropped. Not
 * 0.0.0.0: that is a hold, and the relay would tell the caller it may not send, keys included.
 */
final class SilentParty {

  private static final String DISCARD_PORT = "9";

  private SilentParty() {}

  static byte[] answering(byte[] offer) {
    String sdp = new String(offer, StandardCharsets.US_ASCII);
    return sdp.replaceAll("(?m)^c=IN IP4 [^\\r\\n]+", "c=IN IP4 127.0.0.1")
        .replaceAll("(?m)^c=IN IP6 [^\\r\\n]+", "c=IN IP6 ::1")
        .replaceAll("(?m)^(m=audio )\\d+", "$1" + DISCARD_PORT)
        .replaceAll("(?m)^a=rtcp:\\d+[^\\r\\n]*\\r?\\n", "")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
