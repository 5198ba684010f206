package io.bulwark.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sine tones in WAV files (8 kHz, mono, 16-bit PCM), and how long a recording carries one: each
 * phone of a call plays its own tone, so what a phone heard tells which side it came from.
 */
public final class Tone {

  static final int RATE = 8000;

  /** 20 ms, one RTP packet of G.711. */
  private static final int BLOCK = RATE / 50;

  /** A block quieter than this (RMS of 16-bit samples) counts as silence; the tones have 5,657. */
  private static final double SILENCE = 1000;

  private Tone() {}

  /** Writes {@code seconds} of a sine of {@code hz} to {@code file}. */
  public static Path write(Path file, int hz, int seconds) throws IOException {
    int samples = RATE * seconds;
    ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(ascii("RIFF")).putInt(36 + 2 * samples).put(ascii("WAVE"));
    wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    wav.putInt(RATE).putInt(2 * RATE).putShort((short) 2).putShort((short) 16);
    wav.put(ascii("data")).putInt(2 * samples);
    for (int i = 0; i < samples; i++) {
      wav.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / RATE)));
    }
    return Files.write(file, wav.array());
  }

  /**
   * How many seconds of {@code file} (a 16-bit mono PCM WAV) carry the tone {@code hz} rather than
   * {@code otherHz}: 20 ms blocks that are not silent and where the tone has ten times the power of
   * the other.
   */
  public static double secondsOf(Path file, int hz, int otherHz) throws IOException {
    short[] samples = samples(file);
    int blocks = 0;
    for (int start = 0; start + BLOCK <= samples.length; start += BLOCK) {
      double energy = 0;
      for (int i = start; i < start + BLOCK; i++) {
        energy += (double) samples[i] * samples[i];
      }
      if (Math.sqrt(energy / BLOCK) < SILENCE) {
        continue;
      }
      if (power(samples, start, hz) > 10 * power(samples, start, otherHz)) {
        blocks++;
      }
    }
    return blocks * (double) BLOCK / RATE;
  }

  /** Goertzel's power of {@code hz} in the block at {@code start}. */
  private static double power(short[] samples, int start, int hz) {
    double coefficient = 2 * Math.cos(2 * Math.PI * hz / RATE);
    double previous = 0;
    double beforePrevious = 0;
    for (int i = start; i < start + BLOCK; i++) {
      double current = samples[i] + coefficient * previous - beforePrevious;
      beforePrevious = previous;
      previous = current;
    }
    return previous * previous
        + beforePrevious * beforePrevious
        - coefficient * previous * beforePrevious;
  }

  /** The samples of a 16-bit mono PCM WAV at 8 kHz, whatever chunks precede its data. */
  private static short[] samples(Path file) throws IOException {
    ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.remaining() < 12 || wav.getInt(0) != 0x46464952 || wav.getInt(8) != 0x45564157) {
      throw new IOException(file + " is no WAV file");
    }
    int position = 12;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    while (position + 8 <= wav.limit()) {
      int id = wav.getInt(position);
      int size = wav.getInt(position + 4);
      int body = position + 8;
      if (id == 0x20746d66) { // "fmt "
        channels = wav.getShort(body + 2);
        rate = wav.getInt(body + 4);
        bits = wav.getShort(body + 14);
      } else if (id == 0x61746164) { // "data"
        if (channels != 1 || rate != RATE || bits != 16) {
          throw new IOException(
              file + " has " + channels + " channels at " + rate + " Hz, " + bits + " bits");
        }
        // A file written until its program stopped may say 0 or more than it holds.
        int length = size <= 0 || body + size > wav.limit() ? wav.limit() - body : size;
        short[] samples = new short[length / 2];
        for (int i = 0; i < samples.length; i++) {
          samples[i] = wav.getShort(body + 2 * i);
        }
        return samples;
      }
      position = body + size + (size & 1);
    }
    throw new IOException(file + " has no data chunk");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
