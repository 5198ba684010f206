package io.bulwark.pbx.sip.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;

/**
 * A call's session descriptions on their way from one party to the other: unchanged when the phones
 * send media to each other, rewritten by the media relay when Bulwark anchors it. Parties are named
 * by their dialog tags: the caller's From tag, and each callee phone's To tag.
 */
interface CallMedia {

  /** Media straight between the phones: every description crosses as it is. */
  CallMedia DIRECT =
      new CallMedia() {
        @Override
        public CompletionStage<byte[]> offer(String fromTag, String toTag, byte[] sdp) {
          return CompletableFuture.completedFuture(sdp);
        }

        @Override
        public CompletionStage<byte[]> answer(String offererTag, String answererTag, byte[] sdp) {
          return CompletableFuture.completedFuture(sdp);
        }

        @Override
        public void release() {}
      };

  /** Whether Bulwark can speak to a party and hear its keys: only through the relay. */
  default boolean prompts() {
    return false;
  }

  /** Plays {@code audio} to the party {@code tag}. */
  default CompletionStage<Void> play(String tag, byte[] audio) {
    return CompletableFuture.failedFuture(new IllegalStateException("no media relay"));
  }

  /** Stops what {@link #play} plays to {@code tag}. */
  default void stopPlaying(String tag) {}

  /** Tells {@code keys} of each RFC 4733 key the party {@code tag} presses, until closed. */
  default AutoCloseable onKeys(String tag, IntConsumer keys) {
    return () -> {};
  }

  /**
   * As {@link #answer}, keeping the ports {@code offererTag} was given by an earlier answer: it
   * needs no new description.
   */
  default CompletionStage<byte[]> answerKeepingPorts(
      String offererTag, String answererTag, byte[] sdp) {
    return answer(offererTag, answererTag, sdp);
  }

  /**
   * The offer to send on for the one {@code fromTag} made.
   *
   * @param toTag the other party, null for the call's first offer
   */
  CompletionStage<byte[]> offer(String fromTag, String toTag, byte[] sdp);

  /** The answer to send on to {@code offererTag} for the one {@code answererTag} made. */
  CompletionStage<byte[]> answer(String offererTag, String answererTag, byte[] sdp);

  /** The call ended: what the relay held for it is freed. */
  void release();
}
