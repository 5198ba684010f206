package io.bulwark.pbx.callpolicy;

/**
 * What a rule says of a call: it may go on, or it is denied with a SIP status and a reason fit for
 * the event log (never sent to the caller).
 */
public record Verdict(boolean allowed, int status, String reason) {

  /** SIP 403 Forbidden: the caller may not make this call. */
  public static final int FORBIDDEN = 403;

  private static final Verdict ALLOW = new Verdict(true, 0, "allowed");

  public static Verdict allow() {
    return ALLOW;
  }

  public static Verdict deny(int status, String reason) {
    return new Verdict(false, status, reason);
  }

  public static Verdict forbidden(String reason) {
    return deny(FORBIDDEN, reason);
  }
}
