package io.bulwark.pbx.callpolicy;

/**
 * The guide's Outbound Route Password: a route with a PIN or a PIN list lets the call go on only
 * once the caller entered one of its PINs, which the call router asks for.
 */
final class RoutePinRule implements CallRule {

  @Override
  public String name() {
    return "Route PIN";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    return attempt.pin().required()
        ? Verdict.challenge(
            attempt.pin(),
            "Route " + attempt.route() + " asks for a PIN (" + attempt.pin().source() + ")")
        : Verdict.allow();
  }
}
