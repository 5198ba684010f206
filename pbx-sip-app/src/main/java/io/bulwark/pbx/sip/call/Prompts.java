package io.bulwark.pbx.sip.call;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The voice prompts Bulwark plays to a caller, shipped as 8 kHz G.711 WAV files (made by
 * tools/prompts.sh with espeak-ng) and sent to rtpengine with the command that plays them.
 */
final class Prompts {

  static final byte[] ENTER_PIN = read("enter-pin.wav");
  static final byte[] WRONG_PIN = read("wrong-pin.wav");
  static final byte[] GOODBYE = read("goodbye.wav");

  private Prompts() {}

  private static byte[] read(String name) {
    try (InputStream in = Prompts.class.getResourceAsStream("prompts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("The prompt " + name + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
