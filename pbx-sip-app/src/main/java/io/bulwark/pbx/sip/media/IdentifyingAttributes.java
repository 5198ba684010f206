package io.bulwark.pbx.sip.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The SDP attributes by which a phone tells the other side where it sits and what it runs: {@code
 * a=ssrc} lines, whose {@code cname} is often {@code user@private-address}, the {@code
 * a=ssrc-group} lines that name them, and {@code a=tool}, the phone's software and version. The
 * rtpengine Debian 12 ships (10.5) passes them through and cannot be told to drop them, so an
 * anchored call's SDP loses them before rtpengine sees it. Relayed media needs none of them: they
 * describe the sender's streams (RFC 5576), which the receiver learns from RTP itself.
 */
final class IdentifyingAttributes {

  private static final List<byte[]> REMOVED =
      List.of("a=ssrc:", "a=ssrc-group:", "a=tool:").stream()
          .map(prefix -> prefix.getBytes(StandardCharsets.US_ASCII))
          .toList();

  private IdentifyingAttributes() {}

  /** {@code sdp} without those lines; every other byte, line endings included, as it was. */
  static byte[] removedFrom(byte[] sdp) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream(sdp.length);
    int start = 0;
    while (start < sdp.length) {
      int end = start;
      while (end < sdp.length && sdp[end] != '\n') {
        end++;
      }
      int next = end < sdp.length ? end + 1 : end;
      if (!identifying(sdp, start)) {
        kept.write(sdp, start, next - start);
      }
      start = next;
    }
    return kept.size() == sdp.length ? sdp : kept.toByteArray();
  }

  private static boolean identifying(byte[] sdp, int lineStart) {
    for (byte[] prefix : REMOVED) {
      if (sdp.length - lineStart >= prefix.length
          && Arrays.equals(sdp, lineStart, lineStart + prefix.length, prefix, 0, prefix.length)) {
        return true;
      }
    }
    return false;
  }
}
