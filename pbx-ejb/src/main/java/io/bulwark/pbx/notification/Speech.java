package io.bulwark.pbx.notification;

import io.bulwark.pbx.system.UnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Text spoken by espeak-ng, Debian's speech synthesizer, which the launcher installs. The text goes
 * in on standard input, never as an argument, since event details carry what callers sent.
 */
final class Speech {

  /** Six seconds of µ-law are 48,000 bytes: one datagram to the relay carries at most 65,507. */
  static final Duration LONGEST_CLIP = Duration.ofSeconds(6);

  static final int MAX_CHARACTERS = 400;
  private static final long SYNTHESIS_SECONDS = 20;

  private Speech() {}

  /** What a call says of a notification: its subject, then its body, each line a sentence. */
  static String text(String subject, String body) {
    return (subject + "\n" + body)
        .replaceAll("[\\[\\]{}<>]", " ")
        .lines()
        .map(line -> line.strip().replaceAll("\\s+", " ").replaceAll("\\.+$", ""))
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining(". "));
  }

  /**
   * @throws UnavailableException when espeak-ng is missing or fails
   */
  static SpokenMessage say(String text) {
    String words = text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
    Path wav;
    try {
      wav = Files.createTempFile("bulwark-speech", ".wav");
    } catch (IOException e) {
      throw new UnavailableException("the message cannot be spoken: no room for its sound");
    }
    Process process = null;
    try {
      // The sound goes to a file, so waiting for espeak-ng needs no second thread to drain a pipe.
      process =
          new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "150", "--stdin", "--stdout")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectOutput(wav.toFile())
              .start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(words.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(SYNTHESIS_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new UnavailableException("the message cannot be spoken: espeak-ng failed");
      }
      return new SpokenMessage(
          Wave.clips(Wave.samplesAt8kHz(Files.readAllBytes(wav)), LONGEST_CLIP));
    } catch (IOException | IllegalArgumentException e) {
      throw new UnavailableException(
          process == null
              ? "the message cannot be spoken: espeak-ng is not installed (apt-get install"
                  + " espeak-ng)"
              : "the message cannot be spoken: espeak-ng failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("the message cannot be spoken: interrupted");
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      try {
        Files.deleteIfExists(wav);
      } catch (IOException e) {
        // a temporary file; the system clears its temporary folder
      }
    }
  }
}
