package io.bulwark.pbx.sip.registrar;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The highest nonce count each user sent on each nonce, so that a captured request cannot be
 * replayed. Costs O(1) per request at any rate and any age of the entries.
 *
 * <p>A nonce is valid for one lifetime after it was issued, so it belongs to the generation {@code
 * issuedAt / lifetime}, and only nonces of the current and the previous generation can still be
 * valid. Three slots hold the generations in turn; a generation is forgotten whole when its slot is
 * taken over, never by a scan. Memory: one map entry per nonce used within two lifetimes.
 */
final class NonceCounts {

  /** What a nonce count says about a request that passed the digest check. */
  enum Use {
    /** A count never seen on this nonce by this user. */
    FRESH,
    /** The same count from the same request again: a UDP retransmission, answered again. */
    RETRANSMISSION,
    /** A count already used by another request: refused. */
    REPLAY
  }

  private record Generation(long number, ConcurrentHashMap<Long, Long> counts) {}

  private final long lifetimeMillis;
  private final AtomicReferenceArray<Generation> slots = new AtomicReferenceArray<>(3);

  NonceCounts(Duration lifetime) {
    this.lifetimeMillis = lifetime.toMillis();
  }

  /**
   * Records {@code nc} for the nonce {@code nonceId} issued at {@code issuedAt}, used by {@code
   * username} in the request {@code requestHash} (Call-ID and CSeq).
   *
   * @param nc the nonce count, 0 to 2^32 - 1
   */
  Use record(long issuedAt, long nonceId, String username, long nc, int requestHash) {
    long key = nonceId ^ (username.hashCode() * 0x9E3779B97F4A7C15L);
    long value = (nc << 32) | (requestHash & 0xFFFFFFFFL);
    Generation generation = generation(issuedAt / lifetimeMillis);
    if (generation == null) {
      return Use.REPLAY;
    }
    Use[] use = {Use.FRESH};
    generation
        .counts()
        .compute(
            key,
            (k, seen) -> {
              if (seen == null || nc > (seen >>> 32)) {
                return value;
              }
              use[0] = seen == value ? Use.RETRANSMISSION : Use.REPLAY;
              return seen;
            });
    return use[0];
  }

  int tracked() {
    int n = 0;
    for (int i = 0; i < slots.length(); i++) {
      Generation g = slots.get(i);
      n += g == null ? 0 : g.counts().size();
    }
    return n;
  }

  private Generation generation(long number) {
    int slot = (int) Math.floorMod(number, (long) slots.length());
    while (true) {
      Generation current = slots.get(slot);
      if (current != null && current.number() == number) {
        return current;
      }
      if (current != null && current.number() > number) {
        return null; // older than any nonce the caller accepts as valid: its counts are gone
      }
      Generation fresh = new Generation(number, new ConcurrentHashMap<>(1 << 12));
      if (slots.compareAndSet(slot, current, fresh)) {
        return fresh;
      }
    }
  }
}
