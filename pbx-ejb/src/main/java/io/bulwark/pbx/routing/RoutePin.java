package io.bulwark.pbx.routing;

import java.util.Set;

/**
 * The PINs a caller must enter before a route takes the call; none for a route without a password.
 *
 * @param source where the PINs come from, as events name it: "route <name>" for a single PIN, "list
 *     <name>" for a PIN list
 */
public record RoutePin(PinMode mode, Set<String> pins, String source) {

  public static final RoutePin NONE = new RoutePin(PinMode.NONE, Set.of(), null);

  public RoutePin {
    pins = Set.copyOf(pins);
  }

  public boolean required() {
    return mode != PinMode.NONE;
  }

  public boolean accepts(String entered) {
    return pins.contains(entered);
  }

  /** The most digits a PIN has: once a caller entered that many, the PIN is complete. */
  public int longest() {
    return pins.stream().mapToInt(String::length).max().orElse(0);
  }
}
