package io.bulwark.pbx.callpolicy;

import java.util.Optional;
import java.util.Set;

/**
 * The guide's Allowed Country/Region Code Dialing Protection: a number sent to a trunk that begins
 * with the international prefix or {@code +} goes out only when its calling code (the longest that
 * matches) is allowed. A number whose code is unknown is refused too, so that nothing dialled
 * abroad slips past the list.
 */
final class AllowedCountryCodes implements CallRule {

  private final CallingCodes codes;
  private final Set<String> allowedDigits;
  private final String internationalPrefix;

  /**
   * @param allowedDigits the allowed codes, as their digits ({@code 1242})
   */
  AllowedCountryCodes(CallingCodes codes, Set<String> allowedDigits, String internationalPrefix) {
    this.codes = codes;
    this.allowedDigits = Set.copyOf(allowedDigits);
    this.internationalPrefix = internationalPrefix;
  }

  @Override
  public String name() {
    return "Allowed country codes";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    Optional<String> abroad =
        International.digitsAfterPrefix(attempt.number(), internationalPrefix);
    if (abroad.isEmpty()) {
      return Verdict.allow();
    }
    Optional<CallingCode> code = codes.of(abroad.get());
    if (code.isEmpty()) {
      return Verdict.forbidden("No country/region calling code begins " + abroad.get());
    }
    if (!allowedDigits.contains(code.get().digits())) {
      return Verdict.forbidden(
          "Calls to +" + code.get().code() + " " + code.get().regionNames() + " are not allowed");
    }
    return Verdict.allow();
  }
}
