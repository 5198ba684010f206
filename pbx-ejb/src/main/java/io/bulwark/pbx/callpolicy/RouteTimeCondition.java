package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.officehours.OfficeHours;
import io.bulwark.pbx.routing.TimeCondition;

/**
 * The guide's time condition of an outbound route: a route usable only in business hours (or only
 * outside them) denies a call at another time.
 */
final class RouteTimeCondition implements CallRule {

  private final OfficeHours hours;

  RouteTimeCondition(OfficeHours hours) {
    this.hours = hours;
  }

  @Override
  public String name() {
    return "Route time condition";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    if (attempt.routeTime() == TimeCondition.ANY_TIME) {
      return Verdict.allow();
    }
    boolean open = hours.isOpen(attempt.at());
    if (attempt.routeTime().admits(open)) {
      return Verdict.allow();
    }
    return Verdict.forbidden(
        "Route "
            + attempt.route()
            + " is usable "
            + (attempt.routeTime() == TimeCondition.BUSINESS_HOURS
                ? "only in business hours: " + hours.whyClosed(attempt.at())
                : "only outside business hours"));
  }
}
