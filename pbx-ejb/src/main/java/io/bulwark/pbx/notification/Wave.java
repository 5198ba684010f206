package io.bulwark.pbx.notification;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Speech as phones hear it: 16-bit mono PCM, as a synthesizer writes it, brought to 8 kHz G.711
 * µ-law WAV clips. µ-law is what phones talk anyway, and half the bytes of PCM: a clip must travel
 * in one datagram to the media relay.
 */
final class Wave {

  static final int RATE = 8000;

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_MULAW = 7;

  private Wave() {}

  /**
   * The samples of a 16-bit mono PCM WAV, at 8 kHz. A synthesizer writing to a pipe cannot know the
   * length beforehand, so a data chunk that claims more than there is ends where the bytes do.
   *
   * @throws IllegalArgumentException when {@code wav} is not 16-bit mono PCM WAV
   */
  static short[] samplesAt8kHz(byte[] wav) {
    ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.length < 12 || !tag(in, 0).equals("RIFF") || !tag(in, 8).equals("WAVE")) {
      throw new IllegalArgumentException("not a WAV file");
    }
    int rate = 0;
    int at = 12;
    while (at + 8 <= wav.length) {
      String id = tag(in, at);
      long size = Integer.toUnsignedLong(in.getInt(at + 4));
      int body = at + 8;
      if (id.equals("fmt ")) {
        if (in.getShort(body) != FORMAT_PCM || in.getShort(body + 2) != 1) {
          throw new IllegalArgumentException("not mono PCM");
        }
        if (in.getShort(body + 14) != 16) {
          throw new IllegalArgumentException("not 16-bit samples");
        }
        rate = in.getInt(body + 4);
      } else if (id.equals("data")) {
        if (rate <= 0) {
          throw new IllegalArgumentException("no format before the samples");
        }
        int end = (int) Math.min(wav.length, body + size);
        short[] samples = new short[(end - body) / 2];
        for (int i = 0; i < samples.length; i++) {
          samples[i] = in.getShort(body + 2 * i);
        }
        return resample(samples, rate);
      }
      at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
    }
    throw new IllegalArgumentException("no samples");
  }

  /** Averages the source samples each target sample spans: a simple low-pass before decimation. */
  static short[] resample(short[] samples, int rate) {
    if (rate == RATE) {
      return samples;
    }
    double step = (double) rate / RATE;
    int count = (int) Math.ceil(samples.length / step);
    short[] out = new short[count];
    for (int i = 0; i < count; i++) {
      int first = (int) (i * step);
      int last = Math.min(samples.length, Math.max(first + 1, (int) ((i + 1) * step)));
      long sum = 0;
      for (int j = first; j < last; j++) {
        sum += samples[j];
      }
      out[i] = (short) (sum / (last - first));
    }
    return out;
  }

  /** G.711 µ-law of one sample. */
  static byte mulaw(short pcm) {
    int sample = pcm;
    int sign = (sample >> 8) & 0x80;
    if (sign != 0) {
      sample = -sample;
    }
    sample = Math.min(sample, 32635) + 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (sample >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** The samples as µ-law WAV clips of at most {@code longest} each, in order. */
  static List<SpokenMessage.Clip> clips(short[] samples, Duration longest) {
    int perClip = (int) (longest.toMillis() * RATE / 1000);
    List<SpokenMessage.Clip> clips = new ArrayList<>();
    for (int from = 0; from < samples.length; from += perClip) {
      int to = Math.min(samples.length, from + perClip);
      byte[] law = new byte[to - from];
      for (int i = from; i < to; i++) {
        law[i - from] = mulaw(samples[i]);
      }
      clips.add(
          new SpokenMessage.Clip(mulawWav(law), Duration.ofMillis(law.length * 1000L / RATE)));
    }
    return clips;
  }

  private static byte[] mulawWav(byte[] law) {
    ByteBuffer fmt = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) FORMAT_MULAW).putShort((short) 1).putInt(RATE).putInt(RATE);
    fmt.putShort((short) 1).putShort((short) 8).putShort((short) 0);
    ByteArrayOutputStream body = new ByteArrayOutputStream(law.length + 64);
    body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
    chunk(body, "fmt ", fmt.array());
    chunk(
        body,
        "fact",
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(law.length).array());
    chunk(body, "data", law);
    ByteArrayOutputStream wav = new ByteArrayOutputStream(body.size() + 8);
    chunk(wav, "RIFF", body.toByteArray());
    return wav.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String id, byte[] data) {
    out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
    out.writeBytes(data);
    if (data.length % 2 != 0) {
      out.write(0);
    }
  }

  private static String tag(ByteBuffer in, int at) {
    byte[] id = new byte[4];
    in.get(at, id);
    return new String(id, StandardCharsets.US_ASCII);
  }
}
