package io.bulwark.pbx.callpolicy;

import io.bulwark.pbx.routing.DialPattern;
import java.util.List;

/**
 * Numbers the PBX never dials: a call is denied when what the caller dialled, or what would be sent
 * to the trunk, matches one of the patterns.
 */
final class BlockedNumbers implements CallRule {

  private final List<DialPattern> patterns;

  BlockedNumbers(List<DialPattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  @Override
  public String name() {
    return "Blocked numbers";
  }

  @Override
  public Verdict judge(CallAttempt attempt) {
    for (DialPattern pattern : patterns) {
      if (pattern.matches(attempt.dialled())
          || (attempt.number() != null && pattern.matches(attempt.number()))) {
        return Verdict.forbidden("The number matches blocked number pattern " + pattern.pattern());
      }
    }
    return Verdict.allow();
  }
}
