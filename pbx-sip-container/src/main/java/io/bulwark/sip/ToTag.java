package io.bulwark.sip;

import java.security.SecureRandom;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * To tags for our responses. A stateless UAS must give the same tag to every copy of a request (RFC
 * 3261 section 8.2.7), so the tag is a keyed hash of what identifies the request: the top Via
 * branch, Call-ID, From tag and CSeq. The key is random per JVM, so tags of different requests are
 * unpredictable (section 19.3). It is a 64-bit FNV-1a with a MurmurHash3 finalizer rather than a
 * MessageDigest: a few nanoseconds, no allocation beyond the hex string, and no shared state.
 */
final class ToTag {

  private static final long KEY = new SecureRandom().nextLong();
  private static final long FNV_PRIME = 0x100000001b3L;

  private ToTag() {}

  static String of(Request request) {
    long h = KEY;
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    h = mix(h, via == null ? null : via.getBranch());
    CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    h = mix(h, callId == null ? null : callId.getCallId());
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    h = mix(h, from == null ? null : from.getTag());
    CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
    h = (h ^ (cseq == null ? 0 : cseq.getSeqNumber())) * FNV_PRIME;
    return Long.toHexString(finish(h));
  }

  private static long mix(long h, String value) {
    if (value != null) {
      for (int i = 0; i < value.length(); i++) {
        h = (h ^ value.charAt(i)) * FNV_PRIME;
      }
    }
    return (h ^ 0xff) * FNV_PRIME; // A separator, so that ("ab", "c") and ("a", "bc") differ.
  }

  private static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
