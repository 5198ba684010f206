package io.bulwark.pbx.sip;

import java.util.function.UnaryOperator;

/**
 * How Bulwark's SIP applications read their settings: an environment variable ({@code
 * BULWARK_SIP_PORT}), which the system property of the same name in lower case with dots ({@code
 * bulwark.sip.port}) overrides, so a test or a WildFly configuration can set one without touching
 * the process environment.
 */
public final class Settings {

  private Settings() {}

  /** Looks a setting up in the system properties, then in the environment. */
  public static UnaryOperator<String> environment() {
    return name -> {
      String property = System.getProperty(name.toLowerCase().replace('_', '.'));
      return property != null ? property : System.getenv(name);
    };
  }

  /**
   * The value {@code lookup} gives for {@code name}, or {@code fallback} when it is unset or blank.
   */
  public static String valueOf(UnaryOperator<String> lookup, String name, String fallback) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
