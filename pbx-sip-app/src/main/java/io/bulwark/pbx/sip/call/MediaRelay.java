package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.sip.media.DtmfEvents;
import io.bulwark.pbx.sip.media.MediaOptions;
import io.bulwark.pbx.sip.media.RtpEngine;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether calls' media is anchored, and the {@link CallMedia} of each call. */
@FunctionalInterface
public interface MediaRelay {

  /** Media straight between the phones, for every call. */
  MediaRelay NONE = (callId, callerTag, callerAddress) -> CallMedia.DIRECT;

  /** Every call's media through rtpengine, without prompts. */
  static MediaRelay through(RtpEngine engine) {
    return through(engine, null);
  }

  /**
   * Every call's media through rtpengine; with {@code keys}, where rtpengine reports the keys
   * callers press, Bulwark can prompt a caller (a route's PIN).
   */
  static MediaRelay through(RtpEngine engine, DtmfEvents keys) {
    return (callId, callerTag, callerAddress) -> {
      MediaOptions options = MediaOptions.anchored();
      try {
        options = options.receivedFrom(InetAddress.getByName(callerAddress));
      } catch (UnknownHostException e) {
        // A source address is always numeric; without one rtpengine learns it from the RTP.
      }
      return new AnchoredMedia(engine, keys, callId, callerTag, options);
    };
  }

  CallMedia forCall(String callId, String callerTag, String callerAddress);
}
