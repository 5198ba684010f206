package io.bulwark.pbx.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The privileged helper that turns the system's SSH service on and off ({@code tools/bulwark-ssh},
 * named by {@code BULWARK_SSH_HELPER}): run directly as root, else through {@code sudo -n}, which
 * the appliance allows for this one program. Without it, SSH is the host's to manage.
 */
final class SshHelper {

  private static final long SECONDS = 30;

  private final String program;

  private SshHelper(String program) {
    this.program = program;
  }

  static Optional<SshHelper> fromEnvironment() {
    String program = System.getenv("BULWARK_SSH_HELPER");
    return program == null || program.isBlank()
        ? Optional.empty()
        : Optional.of(new SshHelper(program.strip()));
  }

  /** Whether the SSH service runs now. */
  boolean isOn() {
    return run("state");
  }

  /**
   * Turns the SSH service on or off.
   *
   * @return whether it runs afterwards
   */
  boolean turn(boolean on) {
    return run(on ? "on" : "off");
  }

  private boolean run(String command) {
    List<String> line = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      line.addAll(List.of("sudo", "-n"));
    }
    line.addAll(List.of(program, command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // Its few lines fit the pipe, so it ends without being read; a helper that hangs is stopped.
      if (!process.waitFor(SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new UnavailableException("The SSH helper did not answer within " + SECONDS + " s");
      }
      String answer;
      try (InputStream out = process.getInputStream()) {
        answer = new String(out.readNBytes(4096), StandardCharsets.UTF_8).strip();
      }
      String last = answer.lines().reduce((first, second) -> second).orElse("");
      if (process.exitValue() == 0 && (last.equals("on") || last.equals("off"))) {
        return last.equals("on");
      }
      throw new UnavailableException(
          "The SSH helper refused: " + (last.isEmpty() ? "no answer" : clip(last)));
    } catch (IOException e) {
      throw new UnavailableException("The SSH helper cannot be run: " + program);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("The SSH helper was interrupted");
    }
  }

  private static String clip(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
