package io.bulwark.pbx.system;

import java.util.function.UnaryOperator;

/** A port number the launcher sets in the environment ({@code BULWARK_SIP_PORT} and the like). */
public final class EnvironmentPort {

  private EnvironmentPort() {}

  /**
   * The port {@code environment} gives for {@code name}, {@code fallback} when it gives none.
   *
   * @throws IllegalStateException when the value is not a number
   */
  public static int of(UnaryOperator<String> environment, String name, int fallback) {
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(name + " is not a port number: " + value, e);
    }
  }

  /** As {@link #of(UnaryOperator, String, int)}, from the process environment. */
  public static int of(String name, int fallback) {
    return of(System::getenv, name, fallback);
  }
}
