package io.bulwark.pbx.system;

import java.util.List;
import java.util.Optional;

/**
 * The media relay (rtpengine) as the launcher runs it: {@code BULWARK_LAUNCHER restart-media} stops
 * it and starts it again on the ports the launcher's port file gives. Without a launcher the relay
 * is the host's to run, and its range is set where it is started.
 */
final class MediaRelay {

  private final HelperProgram launcher;

  private MediaRelay(String launcher) {
    this.launcher = new HelperProgram("The media relay's restart", List.of(launcher), 60, false);
  }

  static Optional<MediaRelay> fromEnvironment() {
    String launcher = System.getenv("BULWARK_LAUNCHER");
    return launcher == null || launcher.isBlank()
        ? Optional.empty()
        : Optional.of(new MediaRelay(launcher.strip()));
  }

  /**
   * Starts the relay again; it reads its range from the port file.
   *
   * @throws UnavailableException when it did not come up
   */
  void restart() {
    HelperProgram.Outcome outcome = launcher.run("restart-media");
    if (outcome.exit() != 0) {
      throw new UnavailableException(
          "The media relay did not start again: "
              + (outcome.lastLine().isEmpty() ? "no answer" : outcome.lastLine()));
    }
  }
}
