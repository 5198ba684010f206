package io.bulwark.pbx.notification;

import java.time.Duration;
import java.util.List;

/**
 * What a notification call says, as clips a media relay plays one after another.
 *
 * @param clips in the order they are spoken
 */
public record SpokenMessage(List<Clip> clips) {

  /**
   * @param wav an 8 kHz G.711 µ-law WAV file
   * @param length how long it plays
   */
  public record Clip(byte[] wav, Duration length) {}

  public SpokenMessage {
    clips = List.copyOf(clips);
  }

  public Duration length() {
    return clips.stream().map(Clip::length).reduce(Duration.ZERO, Duration::plus);
  }
}
