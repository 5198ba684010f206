package io.bulwark.pbx.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The portal's ports as an administrator asks for them, and how long the move waits for the
 * confirmation from the new port before it is undone.
 *
 * @param confirmSeconds null for {@link #DEFAULT_CONFIRM_SECONDS}
 */
public record WebPortsDraft(Integer httpPort, Integer httpsPort, Integer confirmSeconds) {

  public static final int DEFAULT_CONFIRM_SECONDS = 120;
  static final int MIN_CONFIRM_SECONDS = 10;
  static final int MAX_CONFIRM_SECONDS = 600;

  /**
   * What is wrong with the draft.
   *
   * @param now the ports the portal listens on, which it may keep
   * @param others the ports the other services use here, by their names
   * @param taken whether another program holds a TCP port
   */
  public List<FieldViolation> violations(WebPorts now, List<PortUse> others, IntPredicate taken) {
    List<FieldViolation> found = new ArrayList<>();
    port("httpsPort", httpsPort, now, others, taken).ifPresent(found::add);
    port("httpPort", httpPort, now, others, taken).ifPresent(found::add);
    if (found.isEmpty() && httpPort.equals(httpsPort)) {
      found.add(new FieldViolation("httpPort", "HTTP needs a port of its own"));
    }
    if (confirmSeconds != null
        && (confirmSeconds < MIN_CONFIRM_SECONDS || confirmSeconds > MAX_CONFIRM_SECONDS)) {
      found.add(
          new FieldViolation(
              "confirmSeconds",
              "From " + MIN_CONFIRM_SECONDS + " to " + MAX_CONFIRM_SECONDS + " seconds"));
    }
    return found;
  }

  public WebPorts ports() {
    return new WebPorts(httpPort, httpsPort);
  }

  public int confirmWithin() {
    return confirmSeconds == null ? DEFAULT_CONFIRM_SECONDS : confirmSeconds;
  }

  private static Optional<FieldViolation> port(
      String field, Integer wanted, WebPorts now, List<PortUse> others, IntPredicate taken) {
    if (wanted == null || wanted < 1 || wanted > 65_535) {
      return Optional.of(new FieldViolation(field, "A port from 1 to 65535"));
    }
    for (PortUse use : others) {
      if (use.covers(wanted)) {
        return Optional.of(new FieldViolation(field, use.refusal(wanted)));
      }
    }
    if (!now.holds(wanted) && taken.test(wanted)) {
      return Optional.of(
          new FieldViolation(field, "Port " + wanted + " is in use by another program"));
    }
    return Optional.empty();
  }
}
