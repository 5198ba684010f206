package io.bulwark.pbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bulwark.pbx.sip.registrar.NonceCounts.Use;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NonceCountsTest {

  private static final Duration LIFETIME = Duration.ofSeconds(300);
  private static final long L = LIFETIME.toMillis();

  /** The start of a generation: issuedAt / lifetime changes exactly at multiples of L. */
  private static final long T0 = 5_715_192 * L;

  private final NonceCounts counts = new NonceCounts(LIFETIME);

  @Test
  void firstCountIsFreshAndTheSameRequestAgainIsARetransmission() {
    assertEquals(Use.FRESH, counts.record(T0, 1, "alice", 1, 42));
    assertEquals(Use.RETRANSMISSION, counts.record(T0, 1, "alice", 1, 42));
    assertEquals(Use.RETRANSMISSION, counts.record(T0, 1, "alice", 1, 42));
  }

  @Test
  void theSameCountFromAnotherRequestIsAReplay() {
    counts.record(T0, 1, "alice", 1, 42);
    assertEquals(Use.REPLAY, counts.record(T0, 1, "alice", 1, 43));
  }

  @Test
  void countsMustRise() {
    assertEquals(Use.FRESH, counts.record(T0, 1, "alice", 5, 1));
    assertEquals(Use.REPLAY, counts.record(T0, 1, "alice", 4, 2));
    assertEquals(Use.FRESH, counts.record(T0, 1, "alice", 6, 3));
    // The request with count 5, arriving late after 6, is no longer the last one: refused.
    assertEquals(Use.REPLAY, counts.record(T0, 1, "alice", 5, 1));
  }

  @Test
  void countsAreKeptPerNonceAndPerUser() {
    assertEquals(Use.FRESH, counts.record(T0, 1, "alice", 1, 1));
    assertEquals(Use.FRESH, counts.record(T0, 2, "alice", 1, 2));
    assertEquals(Use.FRESH, counts.record(T0, 1, "bob", 1, 3));
    assertEquals(3, counts.tracked());
  }

  @Test
  void thirtyTwoBitCountsAreOrderedAsUnsigned() {
    assertEquals(Use.FRESH, counts.record(T0, 1, "alice", 0x7FFFFFFFL, 1));
    // 0xFFFFFFFF << 32 is a negative long; it must still count as the highest.
    assertEquals(Use.FRESH, counts.record(T0, 1, "alice", 0xFFFFFFFFL, -1));
    assertEquals(Use.RETRANSMISSION, counts.record(T0, 1, "alice", 0xFFFFFFFFL, -1));
    assertEquals(Use.REPLAY, counts.record(T0, 1, "alice", 0xFFFFFFFFL, 7));
    assertEquals(Use.REPLAY, counts.record(T0, 1, "alice", 1, 1));
  }

  /**
   * Three slots hold generations (issuedAt / lifetime) in turn. A nonce's counts are forgotten when
   * its slot is taken by the generation three later, i.e. two lifetimes after the last moment the
   * nonce was valid, without any scan.
   */
  @Test
  void countsAreForgottenByGeneration() {
    counts.record(T0, 1, "alice", 1, 1); // generation g
    counts.record(T0 + L, 2, "alice", 1, 1); // g + 1
    counts.record(T0 + 2 * L + L / 2, 3, "alice", 1, 1); // g + 2
    assertEquals(3, counts.tracked());

    counts.record(T0 + 3 * L, 4, "alice", 1, 1); // g + 3 takes g's slot

    assertEquals(3, counts.tracked(), "generation g is gone");
    // A nonce of generation g can no longer be counted; the verifier calls it stale before
    // asking, and here it is refused rather than treated as fresh.
    assertEquals(Use.REPLAY, counts.record(T0 + 1, 5, "alice", 1, 1));
    assertEquals(3, counts.tracked());
  }

  @Test
  void laterGenerationsKeepMemoryBounded() {
    for (int generation = 0; generation < 50; generation++) {
      for (int n = 0; n < 100; n++) {
        counts.record(T0 + generation * L, generation * 1000L + n, "alice", 1, 1);
      }
      assertEquals(Math.min(generation + 1, 3) * 100, counts.tracked(), "generation " + generation);
    }
  }
}
