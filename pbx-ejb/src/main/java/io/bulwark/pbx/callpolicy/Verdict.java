package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.routing.RoutePin;

/**
 * What a rule says of a call: it may go on, it may go on once the caller entered one of the PINs in
 * {@code challenge}, or it is denied with a SIP status and a reason fit for the event log (never
 * sent to the caller).
 */
public record Verdict(boolean allowed, int status, String reason, RoutePin challenge) {

  /** SIP 403 Forbidden: the caller may not make this call. */
  public static final int FORBIDDEN = 403;

  private static final Verdict ALLOW = new Verdict(true, 0, "allowed", null);

  public static Verdict allow() {
    return ALLOW;
  }

  public static Verdict deny(int status, String reason) {
    return new Verdict(false, status, reason, null);
  }

  /** The call goes on once the caller entered one of the route's PINs. */
  public static Verdict challenge(RoutePin pins, String reason) {
    return new Verdict(true, 0, reason, pins);
  }

  public boolean challenges() {
    return challenge != null;
  }

  public static Verdict forbidden(String reason) {
    return deny(FORBIDDEN, reason);
  }
}
