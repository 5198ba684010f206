package io.bulwark.pbx.system;

/** The port the appliance's SSH service listens on. */
public final class SshPort {

  /** As the launcher gave it, which a saved port replaces. */
  private static volatile int inForce = configured();

  private SshPort() {}

  /** The launcher's {@code BULWARK_SSH_PORT}, 22 without it. */
  static int configured() {
    return EnvironmentPort.of("BULWARK_SSH_PORT", 22);
  }

  public static int inForce() {
    return inForce;
  }

  static void nowInForce(int port) {
    inForce = port;
  }
}
