package io.bulwark.pbx.sip.call;

import java.nio.charset.StandardCharsets;

/**
 * The answer of a party that sends nothing and hears nothing: what Bulwark gives the relay for the
 * callee's side while it prompts the caller itself. It takes the relay's offer as it is (its
 * codecs, telephone-event among them, which the relay reports keys of only when both sides have it)
 * with the connection address 0.0.0.0, where no media goes.
 */
final class SilentParty {

  private SilentParty() {}

  static byte[] answering(byte[] offer) {
    String sdp = new String(offer, StandardCharsets.US_ASCII);
    return sdp.replaceAll("(?m)^c=IN IP4 [^\\r\\n]+", "c=IN IP4 0.0.0.0")
        .replaceAll("(?m)^c=IN IP6 [^\\r\\n]+", "c=IN IP6 ::")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
