package io.bulwark.pbx.cdr;

/**
 * Who called whom: the caller's number and caller ID name as Bulwark authenticated them, the number
 * dialled, the callee it reached (the dialled number after a route rewrote it), and the outbound
 * route and trunk a call to the outside took (empty between extensions), and the PIN the caller
 * entered when the route asked for one.
 */
public record CallParties(
    String caller,
    String callerName,
    String dialled,
    String callee,
    String route,
    String trunk,
    String pin) {

  /** The width of each column: a dialled number is whatever a caller wrote, so it is clipped. */
  static final int MAX_LENGTH = 64;

  public CallParties {
    caller = clip(caller);
    callerName = clip(callerName);
    dialled = clip(dialled);
    callee = clip(callee);
    route = clip(route);
    trunk = clip(trunk);
  }

  /** Without a PIN. */
  public CallParties(
      String caller, String callerName, String dialled, String callee, String route, String trunk) {
    this(caller, callerName, dialled, callee, route, trunk, null);
  }

  /** The same parties, the call let through with {@code pin}. */
  public CallParties withPin(String pin) {
    return new CallParties(caller, callerName, dialled, callee, route, trunk, pin);
  }

  private static String clip(String value) {
    return value == null || value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
  }

  public static CallParties betweenExtensions(String caller, String callerName, String callee) {
    return new CallParties(caller, callerName, callee, callee, null, null);
  }
}
