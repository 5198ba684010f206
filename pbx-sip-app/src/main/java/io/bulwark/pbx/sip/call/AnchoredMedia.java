package io.bulwark.pbx.sip.call;

import io.bulwark.pbx.sip.media.DtmfEvents;
import io.bulwark.pbx.sip.media.MediaOptions;
import io.bulwark.pbx.sip.media.RtpEngine;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * A call's media through rtpengine: each offer and answer is rewritten so that both phones send
 * their RTP to the relay, and neither learns where the other is. The call is known to rtpengine by
 * the caller's Call-ID and From tag.
 *
 * <p>When rtpengine does not answer or refuses, the description crosses unchanged: the call goes on
 * with media between the phones (which works on a LAN) rather than fail, and the log says why.
 */
final class AnchoredMedia implements CallMedia {

  private static final Logger LOG = Logger.getLogger(AnchoredMedia.class);

  private final RtpEngine engine;
  private final DtmfEvents keys;
  private final String callId;
  private final String callerTag;
  private final MediaOptions callerOptions;

  AnchoredMedia(
      RtpEngine engine,
      DtmfEvents keys,
      String callId,
      String callerTag,
      MediaOptions callerOptions) {
    this.engine = engine;
    this.keys = keys;
    this.callId = callId;
    this.callerTag = callerTag;
    this.callerOptions = callerOptions;
  }

  @Override
  public CompletionStage<byte[]> offer(String fromTag, String toTag, byte[] sdp) {
    return orUnchanged(engine.offer(callId, fromTag, toTag, sdp, options(fromTag)), sdp);
  }

  @Override
  public CompletionStage<byte[]> answer(String offererTag, String answererTag, byte[] sdp) {
    return orUnchanged(
        engine.answer(callId, offererTag, answererTag, sdp, options(answererTag)), sdp);
  }

  @Override
  public boolean prompts() {
    return keys != null;
  }

  @Override
  public CompletionStage<Void> play(String tag, byte[] audio) {
    return engine.playMedia(callId, tag, audio);
  }

  @Override
  public void stopPlaying(String tag) {
    engine
        .stopMedia(callId, tag)
        .exceptionally(
            failure -> {
              // Nothing left to stop: the prompt had ended.
              LOG.debugf(failure, "rtpengine stopped no prompt in call %s", callId);
              return null;
            });
  }

  @Override
  public AutoCloseable onKeys(String tag, IntConsumer pressed) {
    return keys.onKeys(callId, tag, pressed);
  }

  @Override
  public CompletionStage<byte[]> answerKeepingPorts(
      String offererTag, String answererTag, byte[] sdp) {
    return orUnchanged(
        engine.answer(callId, offererTag, answererTag, sdp, options(answererTag).portLatching()),
        sdp);
  }

  @Override
  public void release() {
    engine
        .delete(callId, callerTag)
        .exceptionally(
            failure -> {
              LOG.debugf(failure, "rtpengine did not free the media of call %s", callId);
              return null;
            });
  }

  /** The caller's descriptions are taken with where its INVITE came from (NAT). */
  private MediaOptions options(String party) {
    return callerTag.equals(party) ? callerOptions : MediaOptions.anchored();
  }

  private CompletionStage<byte[]> orUnchanged(CompletionStage<byte[]> rewritten, byte[] sdp) {
    return rewritten.exceptionally(
        failure -> {
          LOG.warnf(
              "Media of call %s not anchored, it flows between the phones: %s",
              callId, failure.getMessage());
          return sdp;
        });
  }
}
