package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.extension.OutboundRestrictions;
import io.bulwark.pbx.officehours.OfficeHours;
import java.util.Map;

/**
 * The guide's extension call restrictions: an extension with outbound calls disabled places none,
 * one with them disabled outside business hours none then, and one without international calls none
 * whose number, as sent to the trunk, begins with the international prefix or {@code +}.
 */
final class ExtensionRestriction implements CallRule {

  private final Map<String, OutboundRestrictions> restricted;
  private final String internationalPrefix;
  private final OfficeHours hours;

  /**
   * @param restricted the extensions with a restriction on, by number
   * @param internationalPrefix what a number dialled abroad begins with here ({@code 00}, {@code
   *     011})
   */
  ExtensionRestriction(
      Map<String, OutboundRestrictions> restricted, String internationalPrefix, OfficeHours hours) {
    this.restricted = Map.copyOf(restricted);
    this.internationalPrefix = internationalPrefix;
    this.hours = hours;
  }

  @Override
  public String name() {
    return "Extension call restrictions";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    OutboundRestrictions restrictions = restricted.get(attempt.caller());
    if (restrictions == null) {
      return Verdict.allow();
    }
    if (restrictions.isOutboundDisabled()) {
      return Verdict.forbidden("Outbound calls are disabled for extension " + attempt.caller());
    }
    if (restrictions.isOutsideHoursDisabled() && !hours.isOpen(attempt.at())) {
      return Verdict.forbidden(
          "Outbound calls outside business hours are disabled for extension "
              + attempt.caller()
              + ": "
              + hours.whyClosed(attempt.at()));
    }
    if (restrictions.isInternationalDisallowed() && isInternational(attempt.number())) {
      return Verdict.forbidden(
          "International calls are not allowed for extension " + attempt.caller());
    }
    return Verdict.allow();
  }

  private boolean isInternational(String number) {
    return International.digitsAfterPrefix(number, internationalPrefix).isPresent();
  }
}
