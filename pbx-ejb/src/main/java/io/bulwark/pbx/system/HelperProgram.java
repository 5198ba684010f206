package io.bulwark.pbx.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program of Bulwark's own that does what WildFly does not do itself (the SSH service, the media
 * relay). A privileged one runs directly as root, else through {@code sudo -n}, which the appliance
 * allows for it.
 */
final class HelperProgram {

  /** How it ended: its exit status and its last line of output, clipped. */
  record Outcome(int exit, String lastLine) {}

  private final String what;
  private final List<String> command;
  private final long seconds;
  private final boolean privileged;

  HelperProgram(String what, List<String> command, long seconds, boolean privileged) {
    this.what = what;
    this.command = List.copyOf(command);
    this.seconds = seconds;
    this.privileged = privileged;
  }

  /**
   * Runs it with {@code arguments}.
   *
   * @throws UnavailableException when it cannot be run or does not end in time
   */
  Outcome run(String... arguments) {
    List<String> line = new ArrayList<>();
    if (privileged && !"root".equals(System.getProperty("user.name"))) {
      line.addAll(List.of("sudo", "-n"));
    }
    line.addAll(command);
    line.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      process.getOutputStream().close();
      // Its few lines fit the pipe, so it ends without being read; a helper that hangs is stopped.
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new UnavailableException(what + " did not answer within " + seconds + " s");
      }
      String output;
      try (InputStream out = process.getInputStream()) {
        output = new String(out.readNBytes(4096), StandardCharsets.UTF_8).strip();
      }
      String last = output.lines().reduce((first, second) -> second).orElse("");
      return new Outcome(process.exitValue(), last.length() > 200 ? last.substring(0, 200) : last);
    } catch (IOException e) {
      throw new UnavailableException(what + " cannot be run: " + command.get(0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(what + " was interrupted");
    }
  }
}
