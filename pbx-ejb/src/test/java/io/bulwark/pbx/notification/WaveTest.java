package io.bulwark.pbx.notification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaveTest {

  /** A 16-bit mono PCM WAV as a synthesizer writes to a pipe: its data chunk claims 0xFFFFFFFF. */
  private static byte[] pcmWav(int rate, short[] samples, boolean lengthUnknown) {
    ByteBuffer out = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(lengthUnknown ? -1 : 36 + 2 * samples.length);
    out.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    out.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
    out.putShort((short) 2).putShort((short) 16);
    out.put("data".getBytes(StandardCharsets.US_ASCII))
        .putInt(lengthUnknown ? -1 : 2 * samples.length);
    for (short sample : samples) {
      out.putShort(sample);
    }
    return out.array();
  }

  @Test
  void g711MuLawMatchesTheRecommendationsEndPoints() {
    assertEquals((byte) 0xFF, Wave.mulaw((short) 0));
    assertEquals((byte) 0x80, Wave.mulaw(Short.MAX_VALUE));
    assertEquals((byte) 0x00, Wave.mulaw(Short.MIN_VALUE));
    assertEquals((byte) 0xFE, Wave.mulaw((short) 8));
    assertEquals((byte) 0x7E, Wave.mulaw((short) -8));
  }

  @Test
  void speechAt22050HzBecomesAsLongAt8kHz() {
    short[] second = new short[22050];
    java.util.Arrays.fill(second, (short) 1000);
    short[] resampled = Wave.samplesAt8kHz(pcmWav(22050, second, true));
    assertEquals(8000, resampled.length);
    assertEquals(1000, resampled[4000]);
  }

  @Test
  void at8kHzTheSamplesStayAsTheyAre() {
    short[] samples = {1, -2, 300, -4000};
    assertArrayEquals(samples, Wave.samplesAt8kHz(pcmWav(8000, samples, false)));
  }

  @Test
  void longSpeechIsCutIntoClipsOfAtMostTheLongestEachAValidMuLawWav() {
    short[] samples = new short[8000 * 13];
    List<SpokenMessage.Clip> clips = Wave.clips(samples, Duration.ofSeconds(6));
    assertEquals(
        List.of(Duration.ofSeconds(6), Duration.ofSeconds(6), Duration.ofSeconds(1)),
        clips.stream().map(SpokenMessage.Clip::length).toList());
    ByteBuffer wav = ByteBuffer.wrap(clips.get(0).wav()).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(clips.get(0).wav().length - 8, wav.getInt(4));
    assertEquals(7, wav.getShort(20));
    assertEquals(8000, wav.getInt(24));
    assertEquals(Duration.ofSeconds(13), new SpokenMessage(clips).length());
  }

  @Test
  void whatIsNotMonoSixteenBitPcmIsRefused() {
    byte[] stereo = pcmWav(8000, new short[4], false);
    stereo[22] = 2;
    assertThrows(IllegalArgumentException.class, () -> Wave.samplesAt8kHz(stereo));
    assertThrows(
        IllegalArgumentException.class,
        () -> Wave.samplesAt8kHz("not a wave at all".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aNotificationIsSpokenAsSentencesWithoutItsBrackets() {
    assertEquals(
        "Bulwark PBX Alert: Trunk Down. Trunk Down (Alert) at 10:00. Source IP: -",
        Speech.text(
            "[Bulwark PBX] Alert: Trunk Down", "Trunk Down (Alert) at 10:00\n\nSource IP: -\n"));
  }
}
