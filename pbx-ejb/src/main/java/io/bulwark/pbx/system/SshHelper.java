package io.bulwark.pbx.system;

import java.util.List;
import java.util.Optional;

/**
 * The privileged helper that turns the system's SSH service on, on a port, and off ({@code
 * tools/bulwark-ssh}, named by {@code BULWARK_SSH_HELPER}). Without it, SSH is the host's to
 * manage.
 */
final class SshHelper {

  private final HelperProgram program;

  private SshHelper(String program) {
    this.program = new HelperProgram("The SSH helper", List.of(program), 30, true);
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
   * Runs the SSH service on {@code port}: starts it, or starts it again where it runs on another.
   *
   * @return whether it runs afterwards
   */
  boolean on(int port) {
    return run("on", Integer.toString(port));
  }

  /**
   * Stops the SSH service.
   *
   * @return whether it runs afterwards
   */
  boolean off() {
    return run("off");
  }

  private boolean run(String... arguments) {
    HelperProgram.Outcome outcome = program.run(arguments);
    String last = outcome.lastLine();
    if (outcome.exit() == 0 && (last.equals("on") || last.equals("off"))) {
      return last.equals("on");
    }
    throw new UnavailableException(
        "The SSH helper refused: " + (last.isEmpty() ? "no answer" : last));
  }
}
