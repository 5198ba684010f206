package io.bulwark.pbx.system;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/** The SSH port as an administrator asks for it. */
public record SshPortDraft(Integer port) {

  /**
   * What is wrong with the draft, on the field {@code port}.
   *
   * @param now the port the SSH service has, which it holds itself
   * @param others the ports the other services use here, by their names
   * @param taken whether another program listens on a TCP port
   */
  public Optional<FieldViolation> violation(int now, List<PortUse> others, IntPredicate taken) {
    if (port == null || port < 1 || port > 65_535) {
      return Optional.of(new FieldViolation("port", "A port from 1 to 65535"));
    }
    if (port == now) {
      return Optional.empty();
    }
    for (PortUse use : others) {
      if (use.covers(port)) {
        return Optional.of(new FieldViolation("port", use.refusal(port)));
      }
    }
    if (taken.test(port)) {
      return Optional.of(
          new FieldViolation("port", "Port " + port + " is in use by another program"));
    }
    return Optional.empty();
  }
}
