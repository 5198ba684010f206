package io.bulwark.pbx.callpolicy;

/**
 * The guide's outbound route permission: a call goes out only through a route that lists its
 * caller. The routing found none when the attempt carries no number to send.
 */
final class PermittedRoute implements CallRule {

  @Override
  public String name() {
    return "Outbound route permission";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    return attempt.number() == null
        ? Verdict.forbidden(
            "No outbound route that extension " + attempt.caller() + " may use takes this number")
        : Verdict.allow();
  }
}
